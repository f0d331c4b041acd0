import { reviewItem, type ReviewItemSource } from "@/db/schema";
import type { Db } from "@/db/client";

const CHUNK = 500;

/**
 * Adds events (by key) to a queue. The unique (queue, event) index makes this idempotent however
 * an event arrives — API, explorer, filter or routing job, even concurrently: a second insert of
 * the same pair does nothing.
 */
export async function insertItems(
  db: Db,
  queue: { id: number; projectId: number },
  eventKeys: number[],
  source: ReviewItemSource,
  now: number,
): Promise<{ added: number; existing: number }> {
  const keys = [...new Set(eventKeys)];
  let added = 0;
  for (let i = 0; i < keys.length; i += CHUNK) {
    const rows = await db.orm.insert(reviewItem)
      .values(keys.slice(i, i + CHUNK).map((eventId) => ({ projectId: queue.projectId, queueId: queue.id, eventId, source, enqueuedAt: now })))
      .onConflictDoNothing({ target: [reviewItem.queueId, reviewItem.eventId] })
      .returning({ id: reviewItem.id });
    added += rows.length;
  }
  return { added, existing: keys.length - added };
}
