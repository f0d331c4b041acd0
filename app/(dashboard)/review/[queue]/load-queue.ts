import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/api/errors";
import { requirePageUser } from "@/lib/auth/current-user";
import type { Permission } from "@/lib/auth/permissions";
import { getReviewQueue } from "@/lib/review/list-queues";
import { can } from "@/lib/services/context";

export interface QueuePageProps {
  params: Promise<{ queue: string }>;
  searchParams: Promise<{ project?: string }>;
}

/**
 * The signed-in user and the queue a `/review/[queue]/…` page shows; the not-found page for an
 * id that is not a positive integer, a queue of another project or none, and — with
 * `permission` — a user without it.
 */
export async function loadQueuePage({ params, searchParams }: QueuePageProps, permission?: Permission) {
  const [{ queue: raw }, { project }] = await Promise.all([params, searchParams]);
  const user = await requirePageUser(project);
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0 || (permission && !can(user.ctx.actor, permission))) notFound();
  const queue = await getReviewQueue(user.ctx, { id }).catch((err) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  return { user, project: project ?? null, queue };
}
