"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { AlertsNav } from "@/components/alerts/alerts-nav";
import { ChannelEditForm } from "@/components/alerts/channel-edit-form";
import { ChannelForm } from "@/components/alerts/channel-form";
import { ChannelsTable } from "@/components/alerts/channels-table";
import { DeliveryLog } from "@/components/alerts/delivery-log";
import { DisabledChannelsBanner } from "@/components/alerts/disabled-channels-banner";
import { PageHeader } from "@/components/dashboard/page-header";
import { Card, CardHeader } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { alertChannelsQuery, alertDeliveriesQuery, type AlertChannel } from "@/lib/queries/alerts";

export function ChannelsClient({ project, canWrite }: { project: string | null; canWrite: boolean }) {
  const channels = useQuery(alertChannelsQuery(project));
  const deliveries = useQuery(alertDeliveriesQuery(project));
  const [editing, setEditing] = useState<AlertChannel | null>(null);
  return (
    <>
      <PageHeader title="Alert channels" subtitle="Where notifications go, and what happened to each attempt" timeControls={false}>
        <AlertsNav />
      </PageHeader>
      <main className="flex flex-col gap-4 p-5">
        <DisabledChannelsBanner project={project} channels={channels.data?.channels ?? []} canWrite={canWrite} />
        {channels.error ? <ErrorState error={channels.error} /> : null}
        {editing ? <ChannelEditForm key={editing.id} project={project} channel={editing} onDone={() => setEditing(null)} /> : null}
        <Card>
          <CardHeader title="Channels" description="Slack incoming webhooks, PagerDuty Events v2, and Standard Webhooks-signed HTTP endpoints" />
          {canWrite ? <ChannelForm project={project} /> : null}
          <ChannelsTable project={project} channels={channels.data?.channels ?? []} canWrite={canWrite} onEdit={setEditing} />
        </Card>
        <Card>
          <CardHeader title="Delivery log" description="Each HTTP attempt: status, latency and the start of the response. 5xx and timeouts retry with backoff; 429 waits for Retry-After." />
          <DeliveryLog deliveries={deliveries.data?.deliveries ?? []} />
        </Card>
      </main>
    </>
  );
}
