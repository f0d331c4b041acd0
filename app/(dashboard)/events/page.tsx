import type { Metadata } from "next";
import { Suspense } from "react";
import { requirePageUser } from "@/lib/auth/current-user";
import { can } from "@/lib/services/context";
import { parseSearchParams, type RawSearchParams } from "@/lib/dashboard/search-params";
import { EventsClient } from "./client";
import { eventsSearchParams } from "./search-params";

export const metadata: Metadata = { title: "Events" };

/**
 * Events are fetched in the browser: the list is a paginated scan with a time budget, and
 * its first page should not hold back the page shell.
 */
export default async function EventsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const state = parseSearchParams(eventsSearchParams, await searchParams);
  const user = await requirePageUser(state.project);
  return (
    <Suspense>
      <EventsClient canManageReview={can(user.ctx.actor, "review:manage")} />
    </Suspense>
  );
}
