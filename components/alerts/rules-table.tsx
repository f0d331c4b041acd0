"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { formatDuration } from "@/lib/alerts/delivery/alert-event";
import { metricFormatter, METRIC_LABELS } from "@/lib/alerts/charts/format-metric";
import { setRuleEnabled, type AlertRule } from "@/lib/queries/alerts";
import { queryKeys } from "@/lib/queries/keys";

function condition(r: AlertRule): string {
  const f = metricFormatter(r.metric, r.relative !== null);
  const base = r.relative ? ` vs ${r.relative.baseline === "last_week" ? "last week" : "previous window"}` : "";
  return `${r.comparator} ${f(r.threshold)}${r.warningThreshold != null ? ` (warn ${f(r.warningThreshold)})` : ""}${base}`;
}

export function RulesTable({ project, rules, canWrite }: { project: string | null; rules: AlertRule[]; canWrite: boolean }) {
  const qc = useQueryClient();
  const toggle = useMutation({
    mutationFn: (r: AlertRule) => setRuleEnabled(project, r.id, !r.enabled),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.alertRules(project) }),
  });
  if (rules.length === 0) return <p className="p-3 text-xs text-muted">No rules yet.</p>;
  return (
    <Table aria-label="Alert rules">
      <thead>
        <tr><Th>Rule</Th><Th>Metric</Th><Th>Scope</Th><Th>Condition</Th><Th align="right">Window</Th><Th align="right">Channels</Th><Th>Status</Th></tr>
      </thead>
      <tbody>
        {rules.map((r) => (
          <Tr key={r.id}>
            <Td className="font-medium">{r.name}</Td>
            <Td>{METRIC_LABELS[r.metric] ?? r.metric}</Td>
            <Td className="font-mono text-muted">{Object.entries(r.scope).map(([k, v]) => `${k}=${v}`).join(" ") || "all"}{r.groupBy ? ` · per ${r.groupBy}` : ""}</Td>
            <Td className="font-mono">{condition(r)}</Td>
            <Td align="right">{formatDuration(r.windowSeconds * 1000)}</Td>
            <Td align="right">{r.channelIds.length}</Td>
            <Td>
              <span className="flex items-center gap-2">
                {r.enabled ? <Badge tone="ok">enabled</Badge> : <Badge>disabled</Badge>}
                {canWrite ? (
                  <Button variant="ghost" onClick={() => toggle.mutate(r)} disabled={toggle.isPending} aria-label={`${r.enabled ? "Disable" : "Enable"} ${r.name}`}>
                    {r.enabled ? "Disable" : "Enable"}
                  </Button>
                ) : null}
              </span>
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
