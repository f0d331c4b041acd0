import type { Metadata } from "next";
import { Suspense } from "react";
import { requirePageUser } from "@/lib/auth/current-user";
import { parseSearchParams, type RawSearchParams } from "@/lib/dashboard/search-params";
import { TraceClient } from "./client";
import { traceSearchParams } from "./search-params";

type Props = { params: Promise<{ traceId: string }>; searchParams: Promise<RawSearchParams> };

export const metadata: Metadata = { title: "Trace" };

export default async function TracePage({ params, searchParams }: Props) {
  const traceId = decodeURIComponent((await params).traceId);
  await requirePageUser(parseSearchParams(traceSearchParams, await searchParams).project);
  return (
    <Suspense>
      <TraceClient traceId={traceId} />
    </Suspense>
  );
}
