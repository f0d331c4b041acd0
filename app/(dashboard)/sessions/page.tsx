import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/current-user";
import { parseSearchParams, type RawSearchParams } from "@/lib/dashboard/search-params";
import { resolveWindow } from "@/lib/time/ranges";
import { groupListQuery } from "@/lib/queries/groups";
import { makeQueryClient } from "@/lib/queries/query-client";
import { listSessions } from "@/lib/sessions/list-sessions";
import { SessionsClient } from "./client";
import { sessionsSearchParams } from "./search-params";

export const metadata: Metadata = { title: "Sessions" };

export default async function SessionsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const state = parseSearchParams(sessionsSearchParams, await searchParams);
  const user = await requirePageUser(state.project);
  const w = resolveWindow(state);
  const params = { sort: state.sort, dir: state.dir, environment: state.environment };
  const qc = makeQueryClient();
  const answer = await listSessions(user.ctx, { ...params, from: w.from, to: w.to, limit: 100 });
  qc.setQueryData(groupListQuery("sessions", state.project ?? null, params, state).queryKey, answer.sessions);
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <SessionsClient />
    </HydrationBoundary>
  );
}
