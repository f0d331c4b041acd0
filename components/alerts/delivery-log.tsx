import { Badge } from "@/components/ui/badge";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { formatTimestamp } from "@/lib/charts/format";
import type { Delivery } from "@/lib/queries/alerts";

const OUTCOME = { delivered: "ok", retry: "warn", failed: "bad" } as const;

/** One row per HTTP attempt: status code, latency and what the receiver answered. */
export function DeliveryLog({ deliveries }: { deliveries: Delivery[] }) {
  if (deliveries.length === 0) return <p className="p-3 text-xs text-muted">No deliveries yet.</p>;
  return (
    <Table aria-label="Delivery log">
      <thead>
        <tr><Th>When (UTC)</Th><Th>Channel</Th><Th>Kind</Th><Th align="right">Attempt</Th><Th align="right">Status</Th><Th align="right">Latency</Th><Th>Outcome</Th><Th>Response</Th></tr>
      </thead>
      <tbody>
        {deliveries.map((d) => (
          <Tr key={d.id}>
            <Td className="text-muted">{formatTimestamp(d.at)}</Td>
            <Td>{d.channelName}</Td>
            <Td>{d.kind}</Td>
            <Td align="right">{d.attempt}</Td>
            <Td align="right" className="font-mono">{d.statusCode ?? "—"}</Td>
            <Td align="right">{d.latencyMs} ms</Td>
            <Td><Badge tone={OUTCOME[d.outcome as keyof typeof OUTCOME] ?? "neutral"}>{d.outcome}</Badge></Td>
            <Td className="max-w-72 truncate font-mono text-muted" title={d.error ?? d.responseExcerpt ?? ""}>{d.error ?? d.responseExcerpt ?? "—"}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
