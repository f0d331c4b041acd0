import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { rankFeatures } from "@/lib/quality/attributions";
import type { DriftReport } from "@/lib/queries/models";

/** Mean |attribution| per feature, reference beside current, and the attribution-drift flag. */
export function AttributionsCard({ attributions }: { attributions: DriftReport["attributions"] }) {
  const names = rankFeatures({ ...attributions.reference, ...attributions.current });
  const max = Math.max(1e-12, ...Object.values(attributions.reference), ...Object.values(attributions.current));
  const drift = attributions.drift;
  return (
    <Card>
      <CardHeader
        title="Feature attributions"
        description="Mean |attribution| per feature (e.g. SHAP), reference vs current"
        actions={drift ? drift.drifted ? <Badge tone="warn">Ranking changed</Badge> : <Badge tone="ok">Ranking stable</Badge> : null}
      />
      <CardBody>
        {names.length === 0 ? (
          <p className="text-xs text-muted">No prediction in these windows carries attributions.</p>
        ) : (
          <ul className="flex flex-col gap-1.5" aria-label="Attributions">
            {names.map((n) => (
              <li key={n} className="grid grid-cols-[minmax(0,8rem)_minmax(3rem,1fr)_3.5rem] items-center gap-2 text-xs">
                <span className="truncate font-medium">{n}</span>
                <span className="flex flex-col gap-0.5">
                  <Bar value={attributions.reference[n] ?? 0} max={max} color="var(--chart-3)" label="reference" />
                  <Bar value={attributions.current[n] ?? 0} max={max} color="var(--chart-1)" label="current" />
                </span>
                <span className="text-right tabular text-muted">{(attributions.current[n] ?? 0).toFixed(3)}</span>
              </li>
            ))}
          </ul>
        )}
        {drift?.drifted ? (
          <p className="mt-2 text-xs text-muted">
            Top features were {drift.reference.join(", ")}; now {drift.current.join(", ")}.
          </p>
        ) : null}
      </CardBody>
    </Card>
  );
}

function Bar({ value, max, color, label }: { value: number; max: number; color: string; label: string }) {
  return (
    <span className="h-1.5 rounded-sm bg-surface-2" title={`${label}: ${value.toFixed(3)}`}>
      <span className="block h-full rounded-sm" style={{ width: `${(value / max) * 100}%`, background: color }} />
    </span>
  );
}
