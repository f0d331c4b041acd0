"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { formatDuration } from "@/lib/alerts/delivery/alert-event";
import { metricFormatter, METRIC_LABELS } from "@/lib/alerts/charts/format-metric";
import { deleteRule, setRuleEnabled, type AlertRule } from "@/lib/queries/alerts";
import { queryKeys } from "@/lib/queries/keys";

function condition(r: AlertRule): string {
  const f = metricFormatter(r.metric, r.relative !== null);
  const base = r.relative ? ` vs ${r.relative.baseline === "last_week" ? "last week" : "previous window"}` : "";
  return `${r.comparator} ${f(r.threshold)}${r.warningThreshold != null ? ` (warn ${f(r.warningThreshold)})` : ""}${base}`;
}

/** Rules with their condition; members who may write rules get enable/disable, edit and delete. */
export function RulesTable({ project, rules, canWrite, onEdit }: { project: string | null; rules: AlertRule[]; canWrite: boolean; onEdit: (rule: AlertRule) => void }) {
  const qc = useQueryClient();
  const toggle = useMutation({
    mutationFn: (r: AlertRule) => setRuleEnabled(project, r.id, !r.enabled),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.alertRules(project) }),
  });
  if (rules.length === 0) return <p className="p-3 text-xs text-muted">No rules yet.</p>;
  return (
    <Table aria-label="Alert rules">
      <thead>
        <tr><Th>Rule</Th><Th>Metric</Th><Th>Scope</Th><Th>Condition</Th><Th align="right">Window</Th><Th align="right">Channels</Th><Th>Status</Th>{canWrite ? <Th align="right">Actions</Th> : null}</tr>
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
              </span>
            </Td>
            {canWrite ? (
              <Td align="right">
                <span className="inline-flex flex-wrap justify-end gap-1">
                  <Button variant="ghost" onClick={() => toggle.mutate(r)} disabled={toggle.isPending} aria-label={`${r.enabled ? "Disable" : "Enable"} ${r.name}`}>
                    {r.enabled ? "Disable" : "Enable"}
                  </Button>
                  <Button variant="ghost" onClick={() => onEdit(r)} aria-label={`Edit ${r.name}`}>Edit</Button>
                  <ConfirmButton
                    label="Delete"
                    ariaLabel={`Delete ${r.name}`}
                    title={`Delete rule ${r.name}?`}
                    body="Its incidents go with it; notifications already sent stay in the delivery log. This cannot be undone."
                    confirmLabel="Delete rule"
                    onConfirm={async () => {
                      await deleteRule(project, r.id);
                      await qc.invalidateQueries({ queryKey: queryKeys.alertRules(project) });
                    }}
                  />
                </span>
              </Td>
            ) : null}
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
