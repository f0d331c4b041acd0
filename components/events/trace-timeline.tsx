import { cn } from "@/components/ui/cn";
import { formatMs } from "@/lib/charts/format";
import type { TraceLayout } from "@/lib/charts/trace-tree";

/** Tree (indented names) and timeline (bars positioned by start and duration), one row per span. */
export function TraceTimeline({ layout, onOpen }: { layout: TraceLayout; onOpen: (id: string) => void }) {
  return (
    <div role="tree" aria-label="Trace" className="text-xs">
      <div className="flex border-b border-border px-3 py-1.5 text-[11px] font-medium uppercase tracking-wide text-muted">
        <div className="w-80 shrink-0">Span</div>
        <div className="flex-1">Timeline · {formatMs(layout.durationMs)}</div>
        <div className="w-20 text-right">Duration</div>
      </div>
      {layout.rows.map((r) => (
        <button
          type="button"
          role="treeitem"
          aria-level={r.depth + 1}
          aria-selected={false}
          key={r.span.id}
          onClick={() => onOpen(r.span.id)}
          className="flex w-full items-center border-b border-border/60 px-3 py-1.5 text-left hover:bg-surface-2/60"
        >
          <div className="w-80 shrink-0 truncate" style={{ paddingLeft: r.depth * 14 }}>
            <span className="mr-1 text-muted">{r.depth > 0 ? "└" : "•"}</span>
            {r.span.name}
          </div>
          <div className="relative h-4 flex-1">
            <div
              className={cn("absolute top-0.5 h-3 rounded-sm", r.span.status === "error" ? "bg-bad" : "bg-accent")}
              style={{ left: `${r.offset * 100}%`, width: `max(2px, ${r.width * 100}%)` }}
            />
          </div>
          <div className="w-20 text-right tabular">{formatMs(r.span.durationMs)}</div>
        </button>
      ))}
    </div>
  );
}
