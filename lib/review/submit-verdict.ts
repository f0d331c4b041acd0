import { and, count, desc, eq, gt, inArray, isNotNull, isNull } from "drizzle-orm";
import { reviewItem, reviewLease, reviewVerdict } from "@/db/schema";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/api/errors";
import { authorize, requireMember, type ServiceContext } from "@/lib/services/context";
import { loadQueue } from "./load-queue";
import { validateRubricValues } from "./rubric";
import type { VerdictInput, VerdictView } from "./schemas";

/**
 * Records the caller's verdict on an item they hold a live lease on (409 otherwise). The first
 * verdict submits the lease, and the item is complete once every slot is submitted. A second
 * verdict within the lease's lifetime is a correction: a new row superseding the previous one.
 */
export async function submitVerdict(ctx: ServiceContext, input: VerdictInput & { itemId: number }): Promise<VerdictView> {
  authorize(ctx, "review:submit");
  const me = requireMember(ctx);
  const item = await loadItem(ctx, input.itemId);
  const queue = await loadQueue(ctx, item.queueId);
  const values = validateRubricValues(queue.rubric, input.values);
  if (input.correctedOutput !== undefined && !queue.correctedOutput) {
    throw new ValidationError("This queue does not take a corrected output", [{ path: "correctedOutput", message: "not enabled for this queue" }]);
  }
  const now = ctx.now();
  const row = await ctx.db.transaction(async (tx) => {
    const [lease] = await tx.orm.select().from(reviewLease).where(and(eq(reviewLease.itemId, item.id), eq(reviewLease.reviewerId, me.userId)));
    if (!lease || lease.state === "skipped" || lease.expiresAt <= now) {
      throw new ConflictError("You hold no live lease on this item; claim it again with 'next item'");
    }
    if (lease.state === "active") {
      // Conditional, so that a lease taken over since the read above cannot be submitted.
      const [won] = await tx.orm.update(reviewLease).set({ state: "submitted" })
        .where(and(eq(reviewLease.id, lease.id), eq(reviewLease.reviewerId, me.userId), eq(reviewLease.state, "active"), gt(reviewLease.expiresAt, now)))
        .returning({ id: reviewLease.id });
      if (!won) throw new ConflictError("Your lease on this item has expired; claim it again with 'next item'");
      if (!lease.gold) await completeIfFull(tx, item.id, queue.reviewersPerItem, now);
    }
    const [previous] = await tx.orm.select({ id: reviewVerdict.id }).from(reviewVerdict)
      .where(and(eq(reviewVerdict.itemId, item.id), eq(reviewVerdict.reviewerId, me.userId))).orderBy(desc(reviewVerdict.id)).limit(1);
    const [created] = await tx.orm.insert(reviewVerdict).values({
      itemId: item.id, reviewerId: me.userId, values, correctedOutput: input.correctedOutput ?? null,
      comment: input.comment ?? null, gold: lease.gold, supersedes: previous?.id ?? null, createdAt: now,
    }).returning();
    return created;
  });
  return {
    id: row.id, itemId: row.itemId, reviewer: me.email, values: row.values, correctedOutput: row.correctedOutput,
    comment: row.comment, supersedes: row.supersedes, createdAt: new Date(row.createdAt).toISOString(),
  };
}

async function completeIfFull(tx: ServiceContext["db"], itemId: number, reviewersPerItem: number, now: number): Promise<void> {
  const [{ n }] = await tx.orm.select({ n: count() }).from(reviewLease)
    .where(and(eq(reviewLease.itemId, itemId), eq(reviewLease.state, "submitted"), isNotNull(reviewLease.slot)));
  if (n >= reviewersPerItem) {
    await tx.orm.update(reviewItem).set({ completedAt: now }).where(and(eq(reviewItem.id, itemId), isNull(reviewItem.completedAt)));
  }
}

export type ItemRow = typeof reviewItem.$inferSelect;

export async function loadItem(ctx: ServiceContext, id: number): Promise<ItemRow> {
  const [item] = await ctx.db.orm.select().from(reviewItem).where(and(eq(reviewItem.id, id), eq(reviewItem.projectId, ctx.projectId)));
  if (!item) throw new NotFoundError(`No review item ${id}`);
  return item;
}

/** Items by id, for services that take several. */
export async function loadItems(ctx: ServiceContext, ids: number[]): Promise<ItemRow[]> {
  if (ids.length === 0) return [];
  return ctx.db.orm.select().from(reviewItem).where(and(inArray(reviewItem.id, ids), eq(reviewItem.projectId, ctx.projectId)));
}
