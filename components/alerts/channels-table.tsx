"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-dialog";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { queryKeys } from "@/lib/queries/keys";
import { deleteChannel, sendTest, type AlertChannel } from "@/lib/queries/alerts";

/** Channels with "Send test" (the attempt appears in the delivery log below), edit and delete. */
export function ChannelsTable({ project, channels, canWrite, onEdit }: { project: string | null; channels: AlertChannel[]; canWrite: boolean; onEdit: (channel: AlertChannel) => void }) {
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
                <span className="inline-flex flex-wrap justify-end gap-1">
                  <Button onClick={() => test.mutate(c.id)} disabled={test.isPending && test.variables === c.id} aria-label={`Send test to ${c.name}`}>
                    Send test
                  </Button>
                  <Button variant="ghost" onClick={() => onEdit(c)} aria-label={`Edit ${c.name}`}>Edit</Button>
                  <ConfirmButton
                    label="Delete"
                    ariaLabel={`Delete ${c.name}`}
                    title={`Delete channel ${c.name}?`}
                    body="Rules that notify it stop notifying it; its delivery log stays. This cannot be undone."
                    confirmLabel="Delete channel"
                    onConfirm={async () => {
                      await deleteChannel(project, c.id);
                      await qc.invalidateQueries({ queryKey: queryKeys.alertChannels(project) });
                    }}
                  />
                </span>
              ) : null}
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
