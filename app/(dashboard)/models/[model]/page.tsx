import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/current-user";
import { parseSearchParams, type RawSearchParams } from "@/lib/dashboard/search-params";
import { resolveWindow } from "@/lib/time/ranges";
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
