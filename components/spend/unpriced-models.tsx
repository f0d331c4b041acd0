import { Button } from "@/components/ui/button";
import { formatCount, formatUsd } from "@/lib/charts/format";
import type { MetricsGroup } from "@/lib/metrics/get-metrics";

/** LLM models with calls that had tokens but no price, and the cost counted for each. */
export function UnpricedModels({ models, onPick }: { models: MetricsGroup[]; onPick?: (model: string) => void }) {
  const unpriced = models.filter((m) => (m.unpricedCount ?? 0) > 0);
  if (unpriced.length === 0) return <p className="text-xs text-muted">Every LLM call of the last 7 days is priced.</p>;
  return (
    <ul className="flex flex-col gap-1.5 text-xs" aria-label="Unpriced models">
      {unpriced.map((m) => (
        <li key={m.model} className="flex items-center justify-between gap-3">
          <span className="truncate font-mono">{m.model}</span>
          <span className="flex items-center gap-3 text-muted">
            <span>{formatCount(m.unpricedCount ?? 0)} unpriced calls</span>
            <span>counted {formatUsd(m.costUsd ?? 0)}</span>
            {onPick ? (
              <Button variant="ghost" onClick={() => onPick(m.model)}>
                Price it
              </Button>
            ) : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
