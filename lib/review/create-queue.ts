import { and, eq } from "drizzle-orm";
import { reviewQueue, reviewQueueAssignee } from "@/db/schema";
import { ConflictError } from "@/lib/api/errors";
import { keyFloor } from "@/lib/ingest/event-id";
import { authorize, type ServiceContext } from "@/lib/services/context";
import { resolveAssignees, toQueueView } from "./load-queue";
import type { CreateQueueInput, QueueView } from "./schemas";

/** A new queue; its routing rule applies to events stored from now on. */
export async function createReviewQueue(ctx: ServiceContext, input: CreateQueueInput): Promise<QueueView> {
  authorize(ctx, "review:manage");
  const now = ctx.now();
  const assigneeIds = await resolveAssignees(ctx, input.assignees ?? []);
  const row = await ctx.db.transaction(async (tx) => {
    const [clash] = await tx.orm.select({ id: reviewQueue.id }).from(reviewQueue)
      .where(and(eq(reviewQueue.projectId, ctx.projectId), eq(reviewQueue.name, input.name)));
    if (clash) throw new ConflictError(`A review queue named "${input.name}" already exists`);
    const [created] = await tx.orm.insert(reviewQueue).values({
      projectId: ctx.projectId, name: input.name, description: input.description ?? null,
      instructions: input.instructions ?? null, rubric: input.rubric, routing: input.routing ?? null,
      reviewersPerItem: input.reviewersPerItem, correctedOutput: input.correctedOutput ?? false,
      goldRate: input.goldRate ?? 0, routingCursor: keyFloor(now),
      createdBy: ctx.actor.kind === "member" ? ctx.actor.userId : null, createdAt: now, updatedAt: now,
    }).returning();
    if (assigneeIds.length > 0) {
      await tx.orm.insert(reviewQueueAssignee).values(assigneeIds.map((userId) => ({ queueId: created.id, userId })));
    }
    return created;
  });
  return toQueueView(row, [...new Set((input.assignees ?? []).map((e) => e.toLowerCase()))].sort());
}
