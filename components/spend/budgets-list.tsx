import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { formatPercent, formatUsd } from "@/lib/charts/format";
import type { BudgetStatus } from "@/lib/queries/budgets";

const WINDOW = { day: "last 24 h", week: "last 7 days", month: "last 30 days" } as const;
const TONE = { ok: "ok", warning: "warn", exceeded: "bad" } as const;
const BAR = { ok: "bg-ok", warning: "bg-warn", exceeded: "bg-bad" } as const;

/** Budgets with their spend over the rolling window as a bar, worst state first. */
export function BudgetsList({ budgets, onDelete }: { budgets: BudgetStatus[]; onDelete?: (b: BudgetStatus) => void }) {
  if (budgets.length === 0) return <p className="text-xs text-muted">No budgets yet.</p>;
  const order = { exceeded: 0, warning: 1, ok: 2 } as const;
  const sorted = [...budgets].sort((a, b) => order[a.state] - order[b.state] || b.used - a.used);
  return (
    <ul className="flex flex-col gap-2.5 text-xs" aria-label="Budgets">
      {sorted.map((b) => (
        <li key={b.id} className="flex flex-col gap-1" data-testid="budget">
          <div className="flex items-center justify-between gap-2">
            <span className="truncate">
              <span className="font-medium">{b.scope === "project" ? "Project" : b.scope === "user" ? `User ${b.subject}` : `Tag ${b.subject}`}</span>
              <span className="text-muted"> · {WINDOW[b.window]}</span>
            </span>
            <span className="flex items-center gap-2">
              <span className="tabular">
                {formatUsd(b.spentUsd)} / {formatUsd(b.limitUsd)}
              </span>
              <Badge tone={TONE[b.state]}>{b.state}</Badge>
              {onDelete ? (
                <Button variant="ghost" aria-label={`Remove budget ${b.id}`} onClick={() => onDelete(b)}>
                  ×
                </Button>
              ) : null}
            </span>
          </div>
          <div className="relative h-1.5 w-full overflow-hidden rounded bg-surface-2" title={`${formatPercent(b.used, 0)} used; warning from ${formatPercent(b.warnAt, 0)}`}>
            <div className={cn("h-full", BAR[b.state])} style={{ width: `${Math.min(1, b.used) * 100}%` }} />
            <div className="absolute top-0 h-full w-px bg-fg/40" style={{ left: `${b.warnAt * 100}%` }} />
          </div>
        </li>
      ))}
    </ul>
  );
}
