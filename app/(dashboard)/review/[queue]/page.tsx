import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/auth/current-user";
import { NotFoundError } from "@/lib/api/errors";
import { getReviewQueue } from "@/lib/review/list-queues";
import { can } from "@/lib/services/context";
import { ReviewClient } from "./client";

export const metadata: Metadata = { title: "Review" };

/** One queue's review workbench: the server checks access and loads the queue; the client claims items. */
export default async function ReviewQueuePage({ params, searchParams }: {
  params: Promise<{ queue: string }>;
  searchParams: Promise<{ project?: string }>;
}) {
  const [{ queue: raw }, { project }] = await Promise.all([params, searchParams]);
  const user = await requirePageUser(project);
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const queue = await getReviewQueue(user.ctx, { id }).catch((err) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  return (
    <ReviewClient
      project={project ?? null}
      initialQueue={queue}
      canReview={can(user.ctx.actor, "review:submit")}
      canManage={can(user.ctx.actor, "review:manage")}
    />
  );
}
