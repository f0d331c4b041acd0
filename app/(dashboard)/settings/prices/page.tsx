import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/current-user";
import { listPrices } from "@/lib/pricing/list-prices";
import { pricesQuery } from "@/lib/queries/prices";
import { makeQueryClient } from "@/lib/queries/query-client";
import { can } from "@/lib/services/context";
import { PricesClient } from "./client";

export const metadata: Metadata = { title: "Price book" };

/** Settings → price book: every member may read it; admins (settings:manage) add, remove and re-price. */
export default async function PricesPage({ searchParams }: { searchParams: Promise<{ project?: string }> }) {
  const { project } = await searchParams;
  const user = await requirePageUser(project);
  const qc = makeQueryClient();
  qc.setQueryData(pricesQuery(project ?? null).queryKey, await listPrices(user.ctx));
  return (
    <HydrationBoundary state={dehydrate(qc)}>
      <PricesClient project={project ?? null} canManage={can(user.ctx.actor, "settings:manage")} />
    </HydrationBoundary>
  );
}
