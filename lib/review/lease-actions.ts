import { and, eq, gt } from "drizzle-orm";
import { reviewLease } from "@/db/schema";
import { ConflictError } from "@/lib/api/errors";
import { authorize, requireMember, type ServiceContext } from "@/lib/services/context";
import { LEASE_MS } from "./lease";
import { loadItem } from "./submit-verdict";

/** The item page calls this while the reviewer is active: the lease runs LEASE_MS from now. */
export async function extendLease(ctx: ServiceContext, input: { itemId: number }): Promise<{ leaseExpiresAt: string }> {
  authorize(ctx, "review:submit");
  const me = requireMember(ctx);
  const item = await loadItem(ctx, input.itemId);
  const now = ctx.now();
  const expiresAt = now + LEASE_MS;
  const [row] = await ctx.db.orm.update(reviewLease).set({ expiresAt })
    .where(and(eq(reviewLease.itemId, item.id), eq(reviewLease.reviewerId, me.userId), eq(reviewLease.state, "active"), gt(reviewLease.expiresAt, now)))
    .returning({ id: reviewLease.id });
  if (!row) throw new ConflictError("You hold no live lease on this item");
  return { leaseExpiresAt: new Date(expiresAt).toISOString() };
}

/**
 * Gives the item back without a verdict. The row stays (slot cleared) so the same reviewer is not
 * served the item again, while its slot is free for someone else at once.
 */
export async function skipItem(ctx: ServiceContext, input: { itemId: number }): Promise<{ skipped: true }> {
  authorize(ctx, "review:submit");
  const me = requireMember(ctx);
  const item = await loadItem(ctx, input.itemId);
  const now = ctx.now();
  const [row] = await ctx.db.orm.update(reviewLease).set({ state: "skipped", slot: null, expiresAt: now })
    .where(and(eq(reviewLease.itemId, item.id), eq(reviewLease.reviewerId, me.userId), eq(reviewLease.state, "active"), gt(reviewLease.expiresAt, now)))
    .returning({ id: reviewLease.id });
  if (!row) throw new ConflictError("You hold no live lease on this item");
  return { skipped: true };
}
