/**
 * Time-ordered event keys: `timestampMs * 1024 + offset`. Rows for the same moment sit
 * together, inserts append to the right of the B-tree (6× faster than random keys here), and
 * a time range is a key range. Safe as a JS number until the year 2248.
 *
 * Each millisecond starts at a random offset below 256 (so two processes rarely pick the same
 * slot) and counts up. Past 1024 events in one millisecond the offset spills into the next
 * milliseconds' key space, and a slot taken by another writer is detected by the insert and
 * probed upwards (lib/ingest/store-events.ts). The key is therefore "time-ordered to within a
 * few ms"; the exact timestamp is the `ts` column.
 */
const SEQ_BITS = 1024;

/**
 * Live events are keyed by their arrival, not their timestamp (docs/adr/0022): a batching
 * exporter sends timestamps spread over its last few seconds, and keying those by timestamp
 * scattered every batch over hundreds of recently written pages (2.5× slower ingest). An event
 * stamped within KEY_SKEW_MS before its arrival takes the arrival instant; older (late,
 * backfilled) or future-stamped events keep their own. Hence for every row
 * `ts ≤ keyInstant ≤ ts + KEY_SKEW_MS`, plus a few ms of spill, and readers widen by KEY_LAG_MS.
 */
export const KEY_SKEW_MS = 60_000;
/** How far after its timestamp an event's key may lie (skew plus spill past full milliseconds). */
export const KEY_LAG_MS = KEY_SKEW_MS + 1_000;

export function keyInstant(tsMs: number, arrivedMs: number): number {
  return tsMs <= arrivedMs && tsMs >= arrivedMs - KEY_SKEW_MS ? arrivedMs : tsMs;
}
const START_SPREAD = 256;
const MAX_TRACKED_MS = 4096;

export class EventIdAllocator {
  private nextOffset = new Map<number, number>();

  next(tsMs: number): number {
    let off = this.nextOffset.get(tsMs);
    if (off === undefined) {
      if (this.nextOffset.size >= MAX_TRACKED_MS) this.nextOffset.clear();
      off = Math.floor(Math.random() * START_SPREAD);
    }
    this.nextOffset.set(tsMs, off + 1);
    return tsMs * SEQ_BITS + off;
  }

  /**
   * Records that `id` (allocated for `tsMs`) was taken, so the next allocation starts above it —
   * `gap` slots above, when given: two writers that collide move apart instead of probing the
   * same next slots in lockstep (PostgreSQL, where their transactions overlap).
   */
  taken(tsMs: number, id: number, gap = 0): void {
    this.nextOffset.set(tsMs, Math.max(this.nextOffset.get(tsMs) ?? 0, id - tsMs * SEQ_BITS + 1 + gap));
  }
}

export function eventIdToTs(id: number): number {
  return Math.floor(id / SEQ_BITS);
}

/** Smallest key at or after `tsMs`: `WHERE id >= keyFloor(from) AND id < keyFloor(to)`. */
export function keyFloor(tsMs: number): number {
  return tsMs * SEQ_BITS;
}
