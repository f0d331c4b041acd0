import type { Db } from "@/db/client";
import { createEventPartitions, pruneIdempotencyClaims } from "@/db/statements/partitions";
import { idempotencyWindowDays } from "@/lib/config/env";

/** Day partitions kept ready ahead of today (docs/adr/0048): a missed run or two changes nothing. */
export const PARTITION_AHEAD_DAYS = 3;

/** Creates the coming days' event partitions on PostgreSQL (nothing on SQLite). */
export async function prepareEventPartitions(db: Db, now: number): Promise<string[]> {
  return createEventPartitions(db, now, PARTITION_AHEAD_DAYS);
}

/**
 * Forgets idempotency claims older than SIGHTLINE_IDEMPOTENCY_WINDOW_DAYS on PostgreSQL: a resend
 * of a client id within the window is stored once; after it, it would be stored again.
 */
export async function pruneIdempotencyWindow(db: Db, now: number): Promise<number> {
  return pruneIdempotencyClaims(db, now - idempotencyWindowDays() * 86_400_000);
}
