import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/current-user";
import { parseSearchParams, type RawSearchParams } from "@/lib/dashboard/search-params";
import { resolveWindow } from "@/lib/time/ranges";
import { loadDimensionNames } from "@/lib/metrics/dimension-names";
import { getMetrics, metricsQuerySchema } from "@/lib/metrics/get-metrics";
import { metricsQuery } from "@/lib/queries/metrics";
import { makeQueryClient } from "@/lib/queries/query-client";
import { ModelClient } from "./client";
import { modelSearchParams } from "./search-params";

type Props = { params: Promise<{ model: string }>; searchParams: Promise<RawSearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeURIComponent((await params).model) };
}

export default async function ModelPage({ params, searchParams }: Props) {
  const model = decodeURIComponent((await params).model);
  const state = parseSearchParams(modelSearchParams, await searchParams);
  const user = await requirePageUser(state.project);
  // A name no event ever carried is a 404, not an empty dashboard.
  const names = await loadDimensionNames(user.ctx.db, user.ctx.projectId);
  if (![...names.models.values()].some((m) => m.name === model)) notFound();
  const qc = makeQueryClient();
  const w = resolveWindow(state);
  const project = state.project ?? null;
  // The version table (and the headline numbers derived from it) render on the server.
  const q = metricsQuerySchema.parse({ groupBy: "modelVersion", model, from: String(w.from), to: String(w.to) });
  qc.setQueryData(metricsQuery(project, { groupBy: "modelVersion", model }, state).queryKey, await getMetrics(user.ctx, q));
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <ModelClient model={model} />
    </HydrationBoundary>
  );
}
