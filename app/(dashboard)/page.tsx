import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/current-user";
import { parseSearchParams, type RawSearchParams } from "@/lib/dashboard/search-params";
import { resolveWindow } from "@/lib/time/ranges";
import { getFleetOverview } from "@/lib/overview/get-fleet-overview";
import { fleetOverviewQuery } from "@/lib/queries/overview";
import { makeQueryClient } from "@/lib/queries/query-client";
import { OverviewClient } from "./client";
import { overviewSearchParams } from "./search-params";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const state = parseSearchParams(overviewSearchParams, await searchParams);
  const user = await requirePageUser(state.project);
  const qc = makeQueryClient();
  const w = resolveWindow(state);
  qc.setQueryData(fleetOverviewQuery(state.project ?? null, state).queryKey, await getFleetOverview(user.ctx, w));
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <OverviewClient />
    </HydrationBoundary>
  );
}
