"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { AlertsNav } from "@/components/alerts/alerts-nav";
import { DeliveryLog } from "@/components/alerts/delivery-log";
import { SilenceForm } from "@/components/alerts/silence-form";
import { StateBadge } from "@/components/alerts/state-badge";
import { PageHeader } from "@/components/dashboard/page-header";
import { StickyLink } from "@/components/layout/nav-link";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { metricFormatter } from "@/lib/alerts/charts/format-metric";
import { prepareThresholdChart } from "@/lib/alerts/charts/prepare-threshold-chart";
import { formatDuration } from "@/lib/alerts/delivery/alert-event";
import { formatTimestamp } from "@/lib/charts/format";
import { acknowledge, alertDeliveriesQuery, incidentQuery, incidentSeriesQuery } from "@/lib/queries/alerts";
import { queryKeys } from "@/lib/queries/keys";

const ThresholdChart = dynamic(() => import("@/components/alerts/threshold-chart"), { ssr: false, loading: () => <Skeleton className="h-[220px]" /> });

export function IncidentClient({ project, id, canAck }: { project: string | null; id: number; canAck: boolean }) {
  const qc = useQueryClient();
  const incident = useQuery(incidentQuery(project, id));
  const series = useQuery(incidentSeriesQuery(project, id));
  const deliveries = useQuery(alertDeliveriesQuery(project, { incidentId: id }));
  const ack = useMutation({ mutationFn: () => acknowledge(project, id), onSuccess: (i) => qc.setQueryData(queryKeys.incident(project, id), i) });
  const i = incident.data;
  const s = series.data;
  const chart = i && s && s.points.length
    ? prepareThresholdChart({
        series: [{ key: i.groupKey, labels: i.labels, points: s.points }],
        incidents: i.firedAt ? [{ key: "", startedAt: i.firedAt, endedAt: i.resolvedAt, severity: i.severity }] : [],
        threshold: s.threshold, warningThreshold: s.warningThreshold, recoveryThreshold: s.recoveryThreshold, to: s.points[s.points.length - 1].t,
      })
    : null;
  return (
    <>
      <PageHeader title={i ? i.ruleName : "Incident"} crumbs={<StickyLink href="/alerts/incidents" className="hover:underline">Incidents</StickyLink>} subtitle={i ? `${i.metric}${i.groupKey ? ` · ${i.groupKey}` : ""}` : undefined} timeControls={false}>
        <AlertsNav />
      </PageHeader>
      <main className="flex flex-col gap-4 p-5">
        {incident.error ? <ErrorState error={incident.error} /> : null}
        {i ? (
          <Card>
            <CardHeader
              title={<span className="flex items-center gap-2">Incident #{i.id} <StateBadge state={i.state} severity={i.severity} /></span>}
              description={`Started ${formatTimestamp(i.startedAt)} UTC${i.firedAt ? ` · fired ${formatTimestamp(i.firedAt)}` : ""}${i.resolvedAt ? ` · resolved ${formatTimestamp(i.resolvedAt)}` : ""}${i.firedAt && i.resolvedAt ? ` (fired for ${formatDuration(i.resolvedAt - i.firedAt)})` : ""}`}
              actions={i.acknowledgedAt ? <span className="text-xs text-muted">Acknowledged by {i.acknowledgedBy}</span> : canAck && !i.resolvedAt ? <Button onClick={() => ack.mutate()} disabled={ack.isPending}>Acknowledge</Button> : null}
            />
            <CardBody className="flex flex-col gap-3">
              {canAck && !i.resolvedAt ? <SilenceForm project={project} incidentId={i.id} ruleId={i.ruleId} /> : null}
              {s && !s.points.some((p) => p.value !== null) ? (
                <p className="py-8 text-center text-xs text-muted">No data for {s.metric} in the rule&apos;s scope around this incident.</p>
              ) : chart && s ? (
                <ThresholdChart chart={chart} format={metricFormatter(s.metric, s.relative)} />
              ) : (
                <Skeleton className="h-[220px]" />
              )}
            </CardBody>
          </Card>
        ) : null}
        {i ? (
          <Card>
            <CardHeader title="State history" />
            <Table aria-label="State history">
              <thead><tr><Th>When (UTC)</Th><Th>Transition</Th><Th>From → to</Th><Th>Severity</Th><Th align="right">Value</Th></tr></thead>
              <tbody>
                {i.history.map((h, n) => (
                  <Tr key={n}><Td className="text-muted">{formatTimestamp(h.at)}</Td><Td>{h.kind}</Td><Td>{h.from} → {h.to}</Td><Td>{h.severity ?? "—"}</Td><Td align="right" className="font-mono">{h.value ?? "—"}</Td></Tr>
                ))}
              </tbody>
            </Table>
          </Card>
        ) : null}
        <Card>
          <CardHeader title="Deliveries" description="Notifications for this incident and every attempt to send them" />
          <DeliveryLog deliveries={deliveries.data?.deliveries ?? []} />
        </Card>
      </main>
    </>
  );
}
