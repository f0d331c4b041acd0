import { eq } from "drizzle-orm";
import { reviewAdjudication, reviewItem } from "@/db/schema";
import { ConflictError } from "@/lib/api/errors";
import { authorize, requireMember, type ServiceContext } from "@/lib/services/context";
import { loadQueue } from "./load-queue";
import { validateRubricValues, type RubricValues } from "./rubric";
import type { AdjudicationInput } from "./schemas";
import { loadItem } from "./submit-verdict";

export interface AdjudicationView {
  id: number;
  itemId: number;
  adjudicator: string;
  values: RubricValues;
  comment: string | null;
  createdAt: string;
}

/**
 * An engineer's or admin's decision: it becomes the item's final (gold-standard) label. Decisions
 * are kept; a later one replaces the final label and both stay in the item's history.
 */
export async function adjudicateItem(ctx: ServiceContext, input: AdjudicationInput & { itemId: number }): Promise<AdjudicationView> {
  authorize(ctx, "review:manage");
  const me = requireMember(ctx);
  const item = await loadItem(ctx, input.itemId);
  const queue = await loadQueue(ctx, item.queueId);
  const values = validateRubricValues(queue.rubric, input.values);
  const now = ctx.now();
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx.orm.insert(reviewAdjudication)
      .values({ itemId: item.id, adjudicatorId: me.userId, values, comment: input.comment ?? null, createdAt: now }).returning();
    await tx.orm.update(reviewItem).set({ finalValues: values, finalizedAt: now }).where(eq(reviewItem.id, item.id));
    return created;
  });
  return {
    id: row.id, itemId: item.id, adjudicator: me.email, values: row.values, comment: row.comment,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

/** Marks an adjudicated item as gold (served unannounced at the queue's gold rate) or unmarks it. */
export async function setItemGold(ctx: ServiceContext, input: { itemId: number; gold: boolean }): Promise<{ id: number; isGold: boolean }> {
  authorize(ctx, "review:manage");
  const item = await loadItem(ctx, input.itemId);
  if (input.gold && !item.finalValues) throw new ConflictError("Only an adjudicated item can be gold: adjudicate it first");
  await ctx.db.orm.update(reviewItem).set({ isGold: input.gold }).where(eq(reviewItem.id, item.id));
  return { id: item.id, isGold: input.gold };
}
