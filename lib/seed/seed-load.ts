import type { Db } from "@/db/client";
import { withoutFsync } from "@/db/writer-transaction";
import { storeEvents, storeUnits, type StoreItem } from "@/lib/ingest/store-events";
import { pruneMinuteRollups } from "@/lib/metrics/prune-rollups";
import { ensureProject } from "@/lib/projects/create-project";
import { loadEvent } from "./load-events";
import { rng } from "./random";

export interface LoadOptions {
  events: number;
  days: number;
  projectSlug?: string;
  now?: number;
  onProgress?: (done: number) => void;
}

const CHUNK = 5000;

/**
 * Bulk volume for benchmarks: the same tables, keys and rollups as live ingest (storeEvents),
 * minus per-event JSON parsing and schema validation, which generated events do not need.
 * Large transactions and synchronous=OFF while it runs (a crash mid-seed loses only the seed);
 * on PostgreSQL the same chunks through the PostgreSQL store.
 * Event ids are time-ordered strings, as a UUIDv7-using client would send.
 */
export async function seedLoad(db: Db, opts: LoadOptions): Promise<{ projectId: number; events: number; ms: number }> {
  const started = Date.now();
  const now = opts.now ?? Date.now();
  const { id: projectId } = await ensureProject(db, opts.projectSlug ?? "load", "Load test");
  const r = rng(opts.events);
  const span = opts.days * 86_400_000;
  const runId = now.toString(36);
  if (db.dialect === "postgres") {
    // The same store as live ingest, awaited chunk by chunk (durability stays as configured).
    let items: StoreItem[] = [];
    for (let i = 0; i < opts.events; i++) {
      const ts = now - span + Math.floor((i / opts.events) * span);
      items.push({ event: loadEvent(r, `${runId}-${i.toString(36).padStart(6, "0")}`, ts) });
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
      items.push({ event: loadEvent(r, `${runId}-${i.toString(36).padStart(6, "0")}`, ts) });
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
