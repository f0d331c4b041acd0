import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { listAlertChannels } from "@/lib/alerts/channels/manage-channels";
import { listSilences } from "@/lib/alerts/incidents/silences";
import { METRIC_SOURCES } from "@/lib/alerts/metrics";
import { listAlertRules } from "@/lib/alerts/rules/get-rule";
import { requirePageUser } from "@/lib/auth/current-user";
import { alertChannelsQuery, alertRulesQuery, silencesQuery } from "@/lib/queries/alerts";
import { makeQueryClient } from "@/lib/queries/query-client";
import { can } from "@/lib/services/context";
import { AlertsClient } from "./client";

export const metadata: Metadata = { title: "Alerts" };

export default async function AlertsPage({ searchParams }: { searchParams: Promise<{ project?: string }> }) {
  const { project } = await searchParams;
  const user = await requirePageUser(project);
  const qc = makeQueryClient();
  qc.setQueryData(alertRulesQuery(project ?? null).queryKey, await listAlertRules(user.ctx));
  qc.setQueryData(alertChannelsQuery(project ?? null).queryKey, await listAlertChannels(user.ctx));
  qc.setQueryData(silencesQuery(project ?? null).queryKey, await listSilences(user.ctx));
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <AlertsClient project={project ?? null} available={[...METRIC_SOURCES.keys()]} canWrite={can(user.ctx.actor, "alerts:write")} canWriteChannels={can(user.ctx.actor, "channels:write")} />
    </HydrationBoundary>
  );
}
