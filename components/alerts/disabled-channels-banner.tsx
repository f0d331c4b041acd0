"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { queryKeys } from "@/lib/queries/keys";
import { reenableChannel, type AlertChannel } from "@/lib/queries/alerts";

/** Shown while a channel is disabled after failed deliveries: nothing reaches it until re-enabled. */
export function DisabledChannelsBanner({ project, channels, canWrite }: { project: string | null; channels: AlertChannel[]; canWrite: boolean }) {
  const qc = useQueryClient();
  const enable = useMutation({
    mutationFn: (id: number) => reenableChannel(project, id),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.alertChannels(project) }),
  });
  const disabled = channels.filter((c) => !c.enabled);
  if (disabled.length === 0) return null;
  return (
    <div role="alert" className="flex flex-col gap-2 rounded-lg border border-bad/40 bg-bad/10 p-3 text-xs">
      {disabled.map((c) => (
        <div key={c.id} className="flex flex-wrap items-center justify-between gap-2">
          <span>
            <strong>{c.name}</strong> is disabled: {c.disabledReason ?? "disabled"}. Notifications to it are not sent.
          </span>
          {canWrite ? <Button onClick={() => enable.mutate(c.id)} disabled={enable.isPending}>Re-enable {c.name}</Button> : null}
        </div>
      ))}
    </div>
  );
}
