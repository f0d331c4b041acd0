import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/current-user";
import { parseSearchParams, type RawSearchParams } from "@/lib/dashboard/search-params";
import { resolveWindow } from "@/lib/time/ranges";
import { groupListQuery } from "@/lib/queries/groups";
import { makeQueryClient } from "@/lib/queries/query-client";
import { listEndUsers } from "@/lib/end-users/list-end-users";
import { UsersClient } from "./client";
import { usersSearchParams } from "./search-params";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const state = parseSearchParams(usersSearchParams, await searchParams);
  const user = await requirePageUser(state.project);
  const w = resolveWindow(state);
  const params = { sort: state.sort, dir: state.dir, environment: state.environment };
  const qc = makeQueryClient();
  const answer = await listEndUsers(user.ctx, { ...params, from: w.from, to: w.to, limit: 100 });
  qc.setQueryData(groupListQuery("users", state.project ?? null, params, state).queryKey, answer.users);
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <UsersClient />
    </HydrationBoundary>
  );
}
