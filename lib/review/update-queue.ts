import { and, eq, ne } from "drizzle-orm";
import { reviewItem, reviewQueue, reviewQueueAssignee, reviewVerdict } from "@/db/schema";
import { ConflictError, ValidationError } from "@/lib/api/errors";
import { authorize, type ServiceContext } from "@/lib/services/context";
import { assigneesOf, loadQueue, resolveAssignees, toQueueView } from "./load-queue";
import type { Rubric } from "./rubric";
import type { QueueView, UpdateQueueInput } from "./schemas";

/**
 * Changes a queue. Once verdicts exist, rubric fields may be added, relabelled or have options
 * appended, but no field may disappear or change type, and no option may disappear: the stored
 * verdicts must stay valid under the rubric they are shown and exported with.
 */
export async function updateReviewQueue(ctx: ServiceContext, input: UpdateQueueInput & { id: number }): Promise<QueueView> {
  authorize(ctx, "review:manage");
  const queue = await loadQueue(ctx, input.id);
  const assigneeIds = input.assignees ? await resolveAssignees(ctx, input.assignees) : null;
  await ctx.db.transaction(async (tx) => {
    if (input.name !== undefined && input.name !== queue.name) {
      const [clash] = await tx.orm.select({ id: reviewQueue.id }).from(reviewQueue).where(
        and(eq(reviewQueue.projectId, ctx.projectId), eq(reviewQueue.name, input.name), ne(reviewQueue.id, queue.id)),
      );
      if (clash) throw new ConflictError(`A review queue named "${input.name}" already exists`);
    }
    const rpiChanges = input.reviewersPerItem !== undefined && input.reviewersPerItem !== queue.reviewersPerItem;
    if (input.rubric || rpiChanges) {
      const [anyVerdict] = await tx.orm.select({ id: reviewVerdict.id }).from(reviewVerdict)
        .innerJoin(reviewItem, eq(reviewItem.id, reviewVerdict.itemId)).where(eq(reviewItem.queueId, queue.id)).limit(1);
      if (anyVerdict && input.rubric) checkCompatible(queue.rubric, input.rubric);
      // Completion is recorded per item when its last slot is submitted; changing the slot count
      // under existing verdicts would leave items wrongly open or closed.
      if (anyVerdict && rpiChanges) {
        throw new ValidationError("Reviewers per item cannot change once verdicts exist", [
          { path: "reviewersPerItem", message: "the queue already has verdicts; create a new queue instead" },
        ]);
      }
    }
    await tx.orm.update(reviewQueue).set({
      name: input.name, description: input.description, instructions: input.instructions, rubric: input.rubric,
      routing: input.routing, reviewersPerItem: input.reviewersPerItem, correctedOutput: input.correctedOutput,
      goldRate: input.goldRate, updatedAt: ctx.now(),
    }).where(eq(reviewQueue.id, queue.id));
    if (assigneeIds) {
      await tx.orm.delete(reviewQueueAssignee).where(eq(reviewQueueAssignee.queueId, queue.id));
      if (assigneeIds.length > 0) await tx.orm.insert(reviewQueueAssignee).values(assigneeIds.map((userId) => ({ queueId: queue.id, userId })));
    }
  });
  const updated = await loadQueue(ctx, queue.id);
  return toQueueView(updated, (await assigneesOf(ctx.db, [queue.id])).get(queue.id)!);
}

function checkCompatible(before: Rubric, after: Rubric): void {
  const details = before.flatMap((old) => {
    const i = after.findIndex((f) => f.key === old.key);
    if (i < 0) return [{ path: "rubric", message: `field "${old.key}" has verdicts and cannot be removed` }];
    const now = after[i];
    if (now.type !== old.type) return [{ path: `rubric.${i}.type`, message: `field "${old.key}" has verdicts and cannot change type` }];
    const lost = (old.options ?? []).filter((o) => !(now.options ?? []).includes(o));
    if (lost.length > 0) return [{ path: `rubric.${i}.options`, message: `options in use cannot be removed: ${lost.join(", ")}` }];
    return [];
  });
  if (details.length > 0) throw new ValidationError("The rubric change would orphan existing verdicts", details);
}
