import { cn } from "@/components/ui/cn";
import { diffLines } from "@/lib/prompts/diff-lines";

/** Line diff of two templates, rendered as text (templates can contain markup). */
export function TemplateDiff({ before, after }: { before: string; after: string }) {
  const lines = diffLines(before, after);
  return (
    <pre aria-label="Template diff" className="max-h-[28rem] overflow-auto rounded-md border border-border bg-bg py-2 font-mono text-[12px] leading-5">
      {lines.map((l, i) => (
        <div
          key={i}
          className={cn("whitespace-pre-wrap px-3", l.op === "add" && "bg-ok/10 text-ok", l.op === "del" && "bg-bad/10 text-bad line-through decoration-bad/40")}
        >
          <span className="mr-2 select-none opacity-60">{l.op === "add" ? "+" : l.op === "del" ? "−" : " "}</span>
          {l.text || " "}
        </div>
      ))}
    </pre>
  );
}
