import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/current-user";
import { parseSearchParams, type RawSearchParams } from "@/lib/dashboard/search-params";
import { resolveWindow } from "@/lib/time/ranges";
import { groupListQuery } from "@/lib/queries/groups";
import { makeQueryClient } from "@/lib/queries/query-client";
import { listTraces } from "@/lib/traces/list-traces";
import { TracesClient } from "./client";
import { tracesSearchParams } from "./search-params";

export const metadata: Metadata = { title: "Traces" };

export default async function TracesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const state = parseSearchParams(tracesSearchParams, await searchParams);
  const user = await requirePageUser(state.project);
  const w = resolveWindow(state);
  const params = { sort: state.sort, dir: state.dir, environment: state.environment };
  const qc = makeQueryClient();
  const answer = await listTraces(user.ctx, { ...params, from: w.from, to: w.to, limit: 100 });
  qc.setQueryData(groupListQuery("traces", state.project ?? null, params, state).queryKey, answer.traces);
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <TracesClient />
    </HydrationBoundary>
  );
}
