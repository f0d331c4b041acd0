import Link from "next/link";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { formatDuration } from "@/lib/alerts/delivery/alert-event";
import { formatTimestamp } from "@/lib/charts/format";
import type { Incident } from "@/lib/queries/alerts";
import { StateBadge } from "./state-badge";

/** Incidents, newest first; `now` comes from the caller so render stays pure. */
export function IncidentsTable({ incidents, project, now }: { incidents: Incident[]; project: string | null; now: number }) {
  const qs = project ? `?project=${encodeURIComponent(project)}` : "";
  if (incidents.length === 0) return <p className="p-3 text-xs text-muted">No incidents.</p>;
  return (
    <Table aria-label="Incidents">
      <thead>
        <tr><Th>Rule</Th><Th>Group</Th><Th>State</Th><Th>Started (UTC)</Th><Th align="right">Fired for</Th><Th>Acknowledged</Th></tr>
      </thead>
      <tbody>
        {incidents.map((i) => (
          <Tr key={i.id}>
            <Td><Link className="font-medium hover:text-accent hover:underline" href={`/alerts/incidents/${i.id}${qs}`}>{i.ruleName}</Link></Td>
            <Td className="font-mono text-muted">{i.groupKey || "—"}</Td>
            <Td><StateBadge state={i.state} severity={i.severity} /></Td>
            <Td className="text-muted">{formatTimestamp(i.startedAt)}</Td>
            <Td align="right">{i.firedAt ? formatDuration((i.resolvedAt ?? now) - i.firedAt) : "—"}</Td>
            <Td className="text-muted">{i.acknowledgedBy ?? "—"}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
