import { and, asc, eq, gt, inArray, isNull, lte, notExists, sql } from "drizzle-orm";
import { reviewItem, reviewLease } from "@/db/schema";
import type { Db } from "@/db/client";
import { ForbiddenError } from "@/lib/api/errors";
import { authorize, requireMember, type ServiceContext } from "@/lib/services/context";
import { LEASE_MS } from "./lease";
import { loadPublicEvents } from "./load-events";
import { loadQueue, mayReview, type QueueRow } from "./load-queue";
import type { ClaimedItem } from "./schemas";

const PAGE = 50;
const MAX_PAGES = 40;

interface Claim {
  itemId: number;
  eventId: number;
  expiresAt: number;
}

/**
 * "Next item": the caller's live lease in this queue if they hold one (a reload resumes it), else a
 * gold item at the queue's gold rate, else the oldest open item with a free slot. Null when nothing
 * is left for this reviewer.
 *
 * The slot is taken by one conditional INSERT … ON CONFLICT (item, slot) DO UPDATE … WHERE the
 * holder's lease has expired, RETURNING the row: the unique (item, slot) index is what caps
 * verdicts per item and the unique (item, reviewer) index what keeps a reviewer from an item they
 * already had, whatever the isolation level; the surrounding transaction only keeps the candidate
 * list fresh on SQLite, where it serialises writers anyway.
 */
export async function claimNextItem(ctx: ServiceContext, input: { queueId: number }): Promise<ClaimedItem | null> {
  authorize(ctx, "review:submit");
  const me = requireMember(ctx);
  const queue = await loadQueue(ctx, input.queueId);
  if (!(await mayReview(ctx.db, queue.id, me.userId))) throw new ForbiddenError("You are not assigned to this queue");
  const now = ctx.now();
  const wantGold = queue.goldRate > 0 && Math.random() < queue.goldRate;
  const claim = await ctx.db.transaction(async (tx) => {
    return (await resume(tx, queue, me.userId, now)) ??
      (wantGold ? await claimGold(tx, queue, me.userId, now) : null) ??
      (await claimOpen(tx, queue, me.userId, now));
  });
  if (!claim) return null;
  const event = (await loadPublicEvents(ctx.db, ctx.projectId, [claim.eventId])).get(claim.eventId);
  if (!event) throw new Error(`review item ${claim.itemId} refers to missing event ${claim.eventId}`);
  return { id: claim.itemId, queueId: queue.id, event, leaseExpiresAt: new Date(claim.expiresAt).toISOString() };
}

async function resume(tx: Db, queue: QueueRow, reviewerId: number, now: number): Promise<Claim | null> {
  const [held] = await tx.orm
    .select({ leaseId: reviewLease.id, itemId: reviewItem.id, eventId: reviewItem.eventId })
    .from(reviewLease).innerJoin(reviewItem, eq(reviewItem.id, reviewLease.itemId))
    .where(and(eq(reviewItem.queueId, queue.id), eq(reviewLease.reviewerId, reviewerId), eq(reviewLease.state, "active"), gt(reviewLease.expiresAt, now)))
    .orderBy(asc(reviewLease.id)).limit(1);
  if (!held) return null;
  const expiresAt = now + LEASE_MS;
  await tx.orm.update(reviewLease).set({ expiresAt }).where(eq(reviewLease.id, held.leaseId));
  return { itemId: held.itemId, eventId: held.eventId, expiresAt };
}

/** A gold item the reviewer has not seen; gold checks hold no slot (slot NULL), so they never block. */
async function claimGold(tx: Db, queue: QueueRow, reviewerId: number, now: number): Promise<Claim | null> {
  const candidates = await tx.orm.select({ id: reviewItem.id, eventId: reviewItem.eventId }).from(reviewItem)
    .where(and(eq(reviewItem.queueId, queue.id), eq(reviewItem.isGold, true), notSeenBy(reviewerId)))
    .orderBy(sql`random()`).limit(1);
  for (const c of candidates) {
    const expiresAt = now + LEASE_MS;
    const [row] = await tx.orm.insert(reviewLease)
      .values({ itemId: c.id, slot: null, reviewerId, state: "active", gold: true, claimedAt: now, expiresAt })
      .onConflictDoNothing().returning({ id: reviewLease.id });
    if (row) return { itemId: c.id, eventId: c.eventId, expiresAt };
  }
  return null;
}

async function claimOpen(tx: Db, queue: QueueRow, reviewerId: number, now: number): Promise<Claim | null> {
  let after = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const candidates = await tx.orm.select({ id: reviewItem.id, eventId: reviewItem.eventId }).from(reviewItem)
      .where(and(
        eq(reviewItem.queueId, queue.id), isNull(reviewItem.completedAt), eq(reviewItem.isGold, false),
        gt(reviewItem.id, after), notSeenBy(reviewerId),
      ))
      .orderBy(asc(reviewItem.id)).limit(PAGE);
    if (candidates.length === 0) return null;
    const leases = await tx.orm.select({ itemId: reviewLease.itemId, slot: reviewLease.slot, state: reviewLease.state, expiresAt: reviewLease.expiresAt })
      .from(reviewLease).where(inArray(reviewLease.itemId, candidates.map((c) => c.id)));
    for (const c of candidates) {
      const slot = freeSlot(queue.reviewersPerItem, leases.filter((l) => l.itemId === c.id), now);
      if (slot === null) continue;
      const claimed = await takeSlot(tx, c.id, slot, reviewerId, now);
      if (claimed) return { itemId: c.id, eventId: c.eventId, expiresAt: claimed };
    }
    after = candidates[candidates.length - 1].id;
  }
  return null;
}

/** The lowest slot that is unused, or whose active lease has expired. */
export function freeSlot(
  reviewersPerItem: number,
  leases: { slot: number | null; state: string; expiresAt: number }[],
  now: number,
): number | null {
  for (let s = 0; s < reviewersPerItem; s++) {
    const l = leases.find((x) => x.slot === s);
    if (!l || (l.state === "active" && l.expiresAt <= now)) return s;
  }
  return null;
}

/** The atomic step: insert the slot, or take it over from an expired lease; null if someone else won. */
async function takeSlot(tx: Db, itemId: number, slot: number, reviewerId: number, now: number): Promise<number | null> {
  const expiresAt = now + LEASE_MS;
  try {
    // A savepoint, so that a lost race (a unique violation) leaves the claim's transaction usable
    // on PostgreSQL too.
    const [row] = await tx.transaction((sp) => sp.orm.insert(reviewLease)
      .values({ itemId, slot, reviewerId, state: "active", gold: false, claimedAt: now, expiresAt })
      .onConflictDoUpdate({
        target: [reviewLease.itemId, reviewLease.slot],
        set: { reviewerId, state: "active", claimedAt: now, expiresAt },
        setWhere: and(eq(reviewLease.state, "active"), lte(reviewLease.expiresAt, now)),
      })
      .returning({ id: reviewLease.id }));
    return row ? expiresAt : null;
  } catch (err) {
    // The (item, reviewer) index: the same reviewer won this item in a concurrent claim.
    if (isUniqueViolation(err)) return null;
    throw err;
  }
}

function notSeenBy(reviewerId: number) {
  return notExists(
    sql`(select 1 from ${reviewLease} where ${reviewLease.itemId} = ${reviewItem.id} and ${reviewLease.reviewerId} = ${reviewerId})`,
  );
}

function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code ?? "";
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "23505";
}
