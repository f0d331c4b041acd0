import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { requirePageUser } from "@/lib/auth/current-user";
import { listEvents, listEventsQuerySchema } from "@/lib/events/list-events";
import { parseSearchParams, type RawSearchParams } from "@/lib/dashboard/search-params";
import { TraceClient } from "./client";
import { traceSearchParams } from "./search-params";

type Props = { params: Promise<{ traceId: string }>; searchParams: Promise<RawSearchParams> };

export const metadata: Metadata = { title: "Trace" };

export default async function TracePage({ params, searchParams }: Props) {
  const traceId = decodeURIComponent((await params).traceId);
  const user = await requirePageUser(parseSearchParams(traceSearchParams, await searchParams).project);
  // An id that cannot exist (too long) or that no event carries is a 404, not an empty trace.
  const probe = listEventsQuerySchema.safeParse({ traceId, limit: 1 });
  if (!probe.success || (await listEvents(user.ctx, probe.data)).events.length === 0) notFound();
  return (
    <Suspense>
      <TraceClient traceId={traceId} />
    </Suspense>
  );
}
