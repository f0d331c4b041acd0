import type { Metadata } from "next";
import { Suspense } from "react";
import { requirePageUser } from "@/lib/auth/current-user";
import { parseSearchParams, type RawSearchParams } from "@/lib/dashboard/search-params";
import { SessionClient } from "./client";
import { sessionsDetailSearchParams } from "./search-params";

type Props = { params: Promise<{ sessionId: string }>; searchParams: Promise<RawSearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Session ${decodeURIComponent((await params).sessionId)}` };
}

/** Totals and events load in the browser: both depend on the range, and the list is paginated. */
export default async function SessionPage({ params, searchParams }: Props) {
  const id = decodeURIComponent((await params).sessionId);
  await requirePageUser(parseSearchParams(sessionsDetailSearchParams, await searchParams).project);
  return (
    <Suspense>
      <SessionClient id={id} />
    </Suspense>
  );
}
