import { cn } from "./cn";

export function Stat({ label, value, hint, tone }: { label: string; value: React.ReactNode; hint?: React.ReactNode; tone?: "bad" | "warn" | "ok" }) {
  return (
    <div className="min-w-0 rounded-lg border border-border bg-surface px-3 py-2">
      <div className="truncate text-[11px] font-medium uppercase tracking-wide text-muted">{label}</div>
      <div className={cn("mt-0.5 text-lg font-semibold tabular", tone === "bad" && "text-bad", tone === "warn" && "text-warn", tone === "ok" && "text-ok")}>
        {value}
      </div>
      {hint ? <div className="truncate text-[11px] text-muted">{hint}</div> : null}
    </div>
  );
}
