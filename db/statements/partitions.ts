import type { Db } from "../client";
import { createEventPartitionsPg, dropExpiredEventPartitionsPg, pruneIdempotencyPg } from "../pg/partitions";

/**
 * Event storage maintenance that only PostgreSQL needs (docs/adr/0048): SQLite's `event` is one
 * table with a unique (project_id, client_id) index, so each of these does nothing there.
 */

export async function createEventPartitions(db: Db, now: number, aheadDays: number): Promise<string[]> {
  return db.dialect === "postgres" ? createEventPartitionsPg(db, now, aheadDays) : [];
}

/** Rows dropped per project with whole partitions (`cutoffs`: project → retention cutoff, ms). */
export async function dropExpiredEventPartitions(db: Db, cutoffs: Map<number, number>): Promise<Map<number, number>> {
  return db.dialect === "postgres" ? dropExpiredEventPartitionsPg(db, cutoffs) : new Map();
}

export async function pruneIdempotencyClaims(db: Db, before: number): Promise<number> {
  return db.dialect === "postgres" ? pruneIdempotencyPg(db, before) : 0;
}
