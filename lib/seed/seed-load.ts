import type { Db } from "@/db/client";
import { withoutFsync } from "@/db/writer-transaction";
import { storeEvents, storeUnits, type StoreItem } from "@/lib/ingest/store-events";
import { pruneMinuteRollups } from "@/lib/metrics/prune-rollups";
import { ensureProject } from "@/lib/projects/create-project";
import { randomBytes, randomUUID } from "node:crypto";
import type { IngestEvent } from "@/lib/ingest/event-schema";
import { loadEvent } from "./load-events";
import { realTrafficEvent } from "./real-traffic-events";
import { rng } from "./random";

export interface LoadOptions {
  events: number;
  days: number;
  projectSlug?: string;
  now?: number;
  onProgress?: (done: number) => void;
  /**
   * "old" (default): time-ordered client ids, no trace ids, as a UUIDv7-using client would send.
   * "real": what real clients send (lib/seed/real-traffic-events.ts) — UUIDv4 ids, a random trace
   * id on every event, user/session ids and 0.5–1 KB of text.
   */
  shape?: "old" | "real";
}

const CHUNK = 5000;

/**
 * Bulk volume for benchmarks: the same tables, keys and rollups as live ingest (storeEvents),
 * minus per-event JSON parsing and schema validation, which generated events do not need.
 * Large transactions and synchronous=OFF while it runs (a crash mid-seed loses only the seed);
 * on PostgreSQL the same chunks through the PostgreSQL store.
 * Event ids are time-ordered strings unless `shape` is "real".
 */
export async function seedLoad(db: Db, opts: LoadOptions): Promise<{ projectId: number; events: number; ms: number }> {
  const started = Date.now();
  const now = opts.now ?? Date.now();
  const { id: projectId } = await ensureProject(db, opts.projectSlug ?? "load", "Load test");
  const r = rng(opts.events);
  const span = opts.days * 86_400_000;
  const runId = now.toString(36);
  const make = (i: number, ts: number): IngestEvent =>
    opts.shape === "real"
      ? realTrafficEvent(r, randomUUID(), randomBytes(16).toString("hex"), ts)
      : loadEvent(r, `${runId}-${i.toString(36).padStart(6, "0")}`, ts);
  if (db.dialect === "postgres") {
    // The same store as live ingest, awaited chunk by chunk (durability stays as configured).
    let items: StoreItem[] = [];
    for (let i = 0; i < opts.events; i++) {
      const ts = now - span + Math.floor((i / opts.events) * span);
      items.push({ event: make(i, ts) });
      if (items.length === CHUNK || i === opts.events - 1) {
        await storeUnits(db, [{ projectId, items }], now);
        items = [];
        if ((i + 1) % 1_000_000 === 0) opts.onProgress?.(i + 1);
      }
    }
    await pruneMinuteRollups(db, now);
    return { projectId, events: opts.events, ms: Date.now() - started };
  }
  withoutFsync(db, () => {
    let items: StoreItem[] = [];
    for (let i = 0; i < opts.events; i++) {
      const ts = now - span + Math.floor((i / opts.events) * span);
      items.push({ event: make(i, ts) });
      if (items.length === CHUNK) {
        storeEvents(db, projectId, items, now);
        items = [];
        if ((i + 1) % 1_000_000 === 0) opts.onProgress?.(i + 1);
      }
    }
    if (items.length) storeEvents(db, projectId, items, now);
  });
  await pruneMinuteRollups(db, now);
  return { projectId, events: opts.events, ms: Date.now() - started };
}
