import type { Metadata } from "next";
import { Suspense } from "react";
import { requirePageUser } from "@/lib/auth/current-user";
import { parseSearchParams, type RawSearchParams } from "@/lib/dashboard/search-params";
import { UserClient } from "./client";
import { usersDetailSearchParams } from "./search-params";

type Props = { params: Promise<{ userId: string }>; searchParams: Promise<RawSearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `User ${decodeURIComponent((await params).userId)}` };
}

/** Totals and events load in the browser: both depend on the range, and the list is paginated. */
export default async function UserPage({ params, searchParams }: Props) {
  const id = decodeURIComponent((await params).userId);
  await requirePageUser(parseSearchParams(usersDetailSearchParams, await searchParams).project);
  return (
    <Suspense>
      <UserClient id={id} />
    </Suspense>
  );
}
