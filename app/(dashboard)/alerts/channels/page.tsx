import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { listAlertChannels } from "@/lib/alerts/channels/manage-channels";
import { listAlertDeliveries } from "@/lib/alerts/delivery/list-deliveries";
import { requirePageUser } from "@/lib/auth/current-user";
import { alertChannelsQuery, alertDeliveriesQuery } from "@/lib/queries/alerts";
import { makeQueryClient } from "@/lib/queries/query-client";
import { can } from "@/lib/services/context";
import { ChannelsClient } from "./client";

export const metadata: Metadata = { title: "Alert channels" };

export default async function ChannelsPage({ searchParams }: { searchParams: Promise<{ project?: string }> }) {
  const { project } = await searchParams;
  const user = await requirePageUser(project);
  const qc = makeQueryClient();
  qc.setQueryData(alertChannelsQuery(project ?? null).queryKey, await listAlertChannels(user.ctx));
  qc.setQueryData(alertDeliveriesQuery(project ?? null).queryKey, await listAlertDeliveries(user.ctx, { limit: 100 }));
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <ChannelsClient project={project ?? null} canWrite={can(user.ctx.actor, "channels:write")} />
    </HydrationBoundary>
  );
}
