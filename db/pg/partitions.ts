import type { Db } from "../client";
import { pgRows, pgTransaction } from "./driver";

/**
 * Daily range partitions of `event` on PostgreSQL (docs/adr/0048). The key `id` is
 * `key_instant_ms * 1024 + offset` (lib/ingest/event-id.ts), so one UTC day is one key range and
 * a time-range read prunes to the days it covers. `event_default` (created by the migration)
 * catches any row no partition covers — late or far-future events, or a day not yet created —
 * so ingest never fails for want of a partition.
 */
export const DAY_MS = 86_400_000;
const SEQ = 1024;
const NAME = /^event_p(\d{4})(\d{2})(\d{2})$/;

export function partitionName(dayStart: number): string {
  return `event_p${new Date(dayStart).toISOString().slice(0, 10).replaceAll("-", "")}`;
}

export interface EventPartition {
  name: string;
  /** UTC midnight of its day, in ms. */
  dayStart: number;
  /** Its key range [lo, hi). */
  lo: number;
  hi: number;
}

function bounds(dayStart: number): { lo: number; hi: number } {
  return { lo: dayStart * SEQ, hi: (dayStart + DAY_MS) * SEQ };
}

/** The day partitions attached to `event` (not the default one), oldest first. */
export async function listEventPartitionsPg(db: Db): Promise<EventPartition[]> {
  const rows = await pgRows<{ name: string }>(
    db,
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = 'event'::regclass ORDER BY c.relname`,
  );
  const out: EventPartition[] = [];
  for (const { name } of rows) {
    const m = NAME.exec(name);
    if (!m) continue;
    const dayStart = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    out.push({ name, dayStart, ...bounds(dayStart) });
  }
  return out;
}

/**
 * Creates the day partitions from `now`'s day through `aheadDays` days later that do not exist
 * yet; returns the names created. Rows of that day already in the default partition are moved
 * into the new one in the same transaction (ATTACH refuses while the default holds any).
 */
export async function createEventPartitionsPg(db: Db, now: number, aheadDays: number): Promise<string[]> {
  const existing = new Set((await listEventPartitionsPg(db)).map((p) => p.name));
  const created: string[] = [];
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  for (let d = 0; d <= aheadDays; d++) {
    const dayStart = today + d * DAY_MS;
    const name = partitionName(dayStart);
    if (existing.has(name)) continue;
    const { lo, hi } = bounds(dayStart);
    await pgTransaction(db, "read committed", async (tx) => {
      // Inserts routed to the default partition wait for this transaction (a short one, the day is
      // normally created before any of its rows arrive); without the lock a row of that day
      // committed after the DELETE would make ATTACH fail.
      await pgRows(tx, "LOCK TABLE event_default IN SHARE ROW EXCLUSIVE MODE");
      await pgRows(tx, `CREATE TABLE "${name}" (LIKE event INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`);
      await pgRows(tx, `WITH moved AS (DELETE FROM event_default WHERE id >= $1 AND id < $2 RETURNING *) INSERT INTO "${name}" SELECT * FROM moved`, [lo, hi]);
      await pgRows(tx, `ALTER TABLE event ATTACH PARTITION "${name}" FOR VALUES FROM (${lo}) TO (${hi})`);
    });
    created.push(name);
  }
  return created;
}

/**
 * Drops every day partition that only holds events past their project's retention: each project
 * with rows in it must have a cutoff (ms) at or after the day's end. Returns the rows dropped
 * per project. A partition that also holds a project without retention (or not yet due) stays;
 * row deletes (lib/governance/enforce-retention.ts) remove the due projects' rows from it.
 */
export async function dropExpiredEventPartitionsPg(db: Db, cutoffs: Map<number, number>): Promise<Map<number, number>> {
  const dropped = new Map<number, number>();
  if (cutoffs.size === 0) return dropped;
  const latest = Math.max(...cutoffs.values());
  for (const p of await listEventPartitionsPg(db)) {
    if (p.dayStart + DAY_MS > latest) break;
    // Per project, through the (id, project_id) key of the partition: also the audit's counts.
    const counts = await pgRows<{ project_id: number; n: number }>(db, `SELECT project_id, count(*)::bigint AS n FROM "${p.name}" GROUP BY project_id`);
    const due = counts.every((c) => (cutoffs.get(c.project_id) ?? -Infinity) >= p.dayStart + DAY_MS);
    if (!due) continue;
    // DETACH … CONCURRENTLY is refused while a default partition exists, so DROP takes a short
    // exclusive lock on `event`. Ingest and reads queue behind a waiting DROP: it waits 1 s at
    // most, and a run that could not get the lock leaves the day to the next run.
    const droppedNow = await pgTransaction(db, "read committed", async (tx) => {
      await pgRows(tx, "SET LOCAL lock_timeout = '1s'");
      await pgRows(tx, `DROP TABLE "${p.name}"`);
      return true;
    }).catch((err: unknown) => {
      if ((err as { code?: unknown }).code === "55P03") return false;
      throw err;
    });
    if (!droppedNow) continue;
    for (const c of counts) dropped.set(c.project_id, (dropped.get(c.project_id) ?? 0) + c.n);
  }
  return dropped;
}

/** Deletes idempotency claims received before `before` (ms); returns how many. */
export async function pruneIdempotencyPg(db: Db, before: number): Promise<number> {
  const rows = await pgRows<{ n: number }>(
    db,
    "WITH gone AS (DELETE FROM event_idempotency WHERE received_at < $1 RETURNING 1) SELECT count(*)::bigint AS n FROM gone",
    [before],
  );
  return rows[0].n;
}
