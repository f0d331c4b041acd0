import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/current-user";
import { can } from "@/lib/services/context";
import { parseSearchParams, type RawSearchParams } from "@/lib/dashboard/search-params";
import { SpendClient } from "./client";
import { spendSearchParams } from "./search-params";

export const metadata: Metadata = { title: "Spend" };

/** Spend by end user, session, environment or tag; the data is read on the client (it follows the time controls). */
export default async function SpendPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const state = parseSearchParams(spendSearchParams, await searchParams);
  const user = await requirePageUser(state.project);
  return <SpendClient canManage={can(user.ctx.actor, "settings:manage")} />;
}
