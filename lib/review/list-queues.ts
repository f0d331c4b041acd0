import { and, count, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { reviewItem, reviewLease, reviewQueue, reviewQueueAssignee } from "@/db/schema";
import { authorize, type ServiceContext } from "@/lib/services/context";
import { assigneesOf, loadQueue, toQueueView } from "./load-queue";
import type { QueueProgress, QueueView } from "./schemas";

export type QueueWithProgress = QueueView & { progress: QueueProgress };

/** The project's queues, each with total progress and, for a member, their own. */
export async function listReviewQueues(ctx: ServiceContext): Promise<QueueWithProgress[]> {
  authorize(ctx, "telemetry:read");
  const queues = await ctx.db.orm.select().from(reviewQueue).where(eq(reviewQueue.projectId, ctx.projectId)).orderBy(reviewQueue.name);
  return withProgress(ctx, queues);
}

export async function getReviewQueue(ctx: ServiceContext, input: { id: number }): Promise<QueueWithProgress> {
  authorize(ctx, "telemetry:read");
  const [q] = await withProgress(ctx, [await loadQueue(ctx, input.id)]);
  return q;
}

async function withProgress(ctx: ServiceContext, queues: (typeof reviewQueue.$inferSelect)[]): Promise<QueueWithProgress[]> {
  const ids = queues.map((q) => q.id);
  if (ids.length === 0) return [];
  const me = ctx.actor.kind === "member" ? ctx.actor.userId : null;
  const assignees = await assigneesOf(ctx.db, ids);
  const totals = await ctx.db.orm
    .select({
      queueId: reviewItem.queueId,
      total: count(),
      completed: sql<number>`sum(case when ${reviewItem.completedAt} is not null then 1 else 0 end)`,
    })
    .from(reviewItem).where(and(inArray(reviewItem.queueId, ids), eq(reviewItem.isGold, false))).groupBy(reviewItem.queueId);
  const mine = me === null ? [] : await ctx.db.orm
    .select({ queueId: reviewItem.queueId, n: count() })
    .from(reviewLease).innerJoin(reviewItem, eq(reviewItem.id, reviewLease.itemId))
    .where(and(inArray(reviewItem.queueId, ids), eq(reviewLease.reviewerId, me), eq(reviewLease.state, "submitted")))
    .groupBy(reviewItem.queueId);
  const named = me === null ? [] : await ctx.db.orm.select({ queueId: reviewQueueAssignee.queueId }).from(reviewQueueAssignee)
    .where(and(inArray(reviewQueueAssignee.queueId, ids), eq(reviewQueueAssignee.userId, me), isNotNull(reviewQueueAssignee.userId)));
  const totalOf = new Map(totals.map((t) => [t.queueId, t]));
  const mineOf = new Map(mine.map((m) => [m.queueId, m.n]));
  const namedSet = new Set(named.map((n) => n.queueId));
  return queues.map((q) => {
    const list = assignees.get(q.id)!;
    return {
      ...toQueueView(q, list),
      progress: {
        total: totalOf.get(q.id)?.total ?? 0,
        completed: Number(totalOf.get(q.id)?.completed ?? 0),
        mine: mineOf.get(q.id) ?? 0,
        assignedToMe: me !== null && (list.length === 0 || namedSet.has(q.id)),
      },
    };
  });
}
