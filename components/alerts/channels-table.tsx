"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { queryKeys } from "@/lib/queries/keys";
import { sendTest, type AlertChannel } from "@/lib/queries/alerts";

/** Channels with a "Send test" action; the attempt appears in the delivery log below. */
export function ChannelsTable({ project, channels, canWrite }: { project: string | null; channels: AlertChannel[]; canWrite: boolean }) {
  const qc = useQueryClient();
  const test = useMutation({
    mutationFn: (id: number) => sendTest(project, id),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: ["alerts", project, "deliveries"] });
      void qc.invalidateQueries({ queryKey: queryKeys.alertChannels(project) });
    },
  });
  if (channels.length === 0) return <p className="p-3 text-xs text-muted">No channels yet.</p>;
  return (
    <Table aria-label="Channels">
      <thead>
        <tr><Th>Name</Th><Th>Type</Th><Th>Destination</Th><Th>Status</Th><Th align="right">Failures in a row</Th><Th align="right">Actions</Th></tr>
      </thead>
      <tbody>
        {channels.map((c) => (
          <Tr key={c.id}>
            <Td className="font-medium">{c.name}</Td>
            <Td>{c.type}</Td>
            <Td className="font-mono text-muted">{c.destination ?? "—"}</Td>
            <Td>{c.enabled ? <Badge tone="ok">enabled</Badge> : <Badge tone="bad">disabled</Badge>}</Td>
            <Td align="right">{c.consecutiveFailures}</Td>
            <Td align="right">
              {canWrite ? (
                <Button onClick={() => test.mutate(c.id)} disabled={test.isPending && test.variables === c.id} aria-label={`Send test to ${c.name}`}>
                  Send test
                </Button>
              ) : null}
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
