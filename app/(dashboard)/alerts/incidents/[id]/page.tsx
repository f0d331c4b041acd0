import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getIncident } from "@/lib/alerts/incidents/list-incidents";
import { requirePageUser } from "@/lib/auth/current-user";
import { NotFoundError } from "@/lib/api/errors";
import { incidentQuery } from "@/lib/queries/alerts";
import { makeQueryClient } from "@/lib/queries/query-client";
import { can } from "@/lib/services/context";
import { IncidentClient } from "./client";

export const metadata: Metadata = { title: "Incident" };

export default async function IncidentPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ project?: string }> }) {
  const [{ id: raw }, { project }] = await Promise.all([params, searchParams]);
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const user = await requirePageUser(project);
  const qc = makeQueryClient();
  try {
    qc.setQueryData(incidentQuery(project ?? null, id).queryKey, await getIncident(user.ctx, { id }));
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <IncidentClient project={project ?? null} id={id} canAck={can(user.ctx.actor, "alerts:write")} />
    </HydrationBoundary>
  );
}
