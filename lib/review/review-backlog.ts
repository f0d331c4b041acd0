import { and, count, eq, isNull, min } from "drizzle-orm";
import { reviewItem, reviewQueue } from "@/db/schema";
import { authorize, type ServiceContext } from "@/lib/services/context";

export interface QueueBacklog {
  queueId: number;
  name: string;
  /** Items still needing verdicts (not yet reviewed by reviewers-per-item people). */
  pending: number;
  /** Age of the oldest such item in ms, null when there is none. */
  oldestPendingAgeMs: number | null;
}

/**
 * The `review_backlog` metric: per queue, how much is waiting and for how long. One grouped query,
 * cheap enough for an alert evaluator to call every minute.
 */
export async function reviewBacklog(ctx: ServiceContext, input: { queueId?: number } = {}): Promise<QueueBacklog[]> {
  authorize(ctx, "telemetry:read");
  const now = ctx.now();
  const queues = await ctx.db.orm.select({ id: reviewQueue.id, name: reviewQueue.name }).from(reviewQueue)
    .where(and(eq(reviewQueue.projectId, ctx.projectId), input.queueId === undefined ? undefined : eq(reviewQueue.id, input.queueId)));
  const rows = await ctx.db.orm
    .select({ queueId: reviewItem.queueId, pending: count(), oldest: min(reviewItem.enqueuedAt) })
    .from(reviewItem)
    .where(and(eq(reviewItem.projectId, ctx.projectId), isNull(reviewItem.completedAt), eq(reviewItem.isGold, false)))
    .groupBy(reviewItem.queueId);
  const byQueue = new Map(rows.map((r) => [r.queueId, r]));
  return queues.map((q) => {
    const r = byQueue.get(q.id);
    return { queueId: q.id, name: q.name, pending: r?.pending ?? 0, oldestPendingAgeMs: r?.oldest == null ? null : Math.max(0, now - r.oldest) };
  });
}
