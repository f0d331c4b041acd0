import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/current-user";
import { NotFoundError } from "@/lib/api/errors";
import { getReviewQueue } from "@/lib/review/list-queues";
import { can } from "@/lib/services/context";
import { AdjudicateClient } from "./client";

export const metadata: Metadata = { title: "Adjudicate" };

/** Engineers and admins: queue statistics and the items whose reviewers disagree. */
export default async function AdjudicatePage({ params, searchParams }: {
  params: Promise<{ queue: string }>;
  searchParams: Promise<{ project?: string }>;
}) {
  const [{ queue: raw }, { project }] = await Promise.all([params, searchParams]);
  const user = await requirePageUser(project);
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0 || !can(user.ctx.actor, "review:manage")) notFound();
  const queue = await getReviewQueue(user.ctx, { id }).catch((err) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  return <AdjudicateClient project={project ?? null} queue={queue} />;
}
