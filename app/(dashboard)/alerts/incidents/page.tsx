import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { listIncidentsQuerySchema } from "@/lib/alerts/incidents/incident-schema";
import { listIncidents } from "@/lib/alerts/incidents/list-incidents";
import { requirePageUser } from "@/lib/auth/current-user";
import { incidentsQuery } from "@/lib/queries/alerts";
import { makeQueryClient } from "@/lib/queries/query-client";
import { IncidentsClient } from "./client";

export const metadata: Metadata = { title: "Incidents" };

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<{ project?: string; state?: string }> }) {
  const { project, state } = await searchParams;
  const user = await requirePageUser(project);
  const filter = state === "open" ? { state } : {};
  const qc = makeQueryClient();
  qc.setQueryData(incidentsQuery(project ?? null, filter).queryKey, await listIncidents(user.ctx, listIncidentsQuerySchema.parse(filter)));
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <IncidentsClient project={project ?? null} openOnly={state === "open"} />
    </HydrationBoundary>
  );
}
