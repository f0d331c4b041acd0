import { and, asc, eq, gte, isNotNull, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { event, reviewQueue } from "@/db/schema";
import { keyFloor } from "@/lib/ingest/event-id";
import { loadDimensionNames } from "@/lib/metrics/dimension-names";
import { resolveDimensionFilter } from "@/lib/metrics/filters";
import { insertItems } from "./insert-items";
import { inSample, routesAnything, type Routing } from "./routing";

/**
 * Re-read this much key space below the cursor on every run. A live event's key is its arrival
 * instant (docs/adr/0022) but it becomes visible when the ingest writer commits, a little later; the
 * overlap catches such stragglers, and the unique (queue, event) index makes re-reading harmless.
 */
export const ROUTING_SETTLE_MS = 10_000;
const BATCH = 2_000;
/** Per queue per run, so one busy queue cannot hold the job (the rest waits for the next tick). */
const MAX_ROWS_PER_RUN = 100_000;

export interface RoutingRun {
  queues: number;
  scanned: number;
  added: number;
}

/**
 * The routing job's pass (docs/adr/0032): for each queue with a routing rule, walk the events stored
 * since its cursor, in key order, and enqueue the ones the rule selects. Ingest does no review work.
 * Events stamped more than a minute before they arrive are keyed by their own (old) timestamp and
 * so fall below the cursor: backfills are enqueued by filter, not routed.
 */
export async function routeNewEvents(db: Db, now: number, signal?: AbortSignal): Promise<RoutingRun> {
  const queues = await db.orm.select().from(reviewQueue).where(isNotNull(reviewQueue.routing)).orderBy(asc(reviewQueue.id));
  const run: RoutingRun = { queues: 0, scanned: 0, added: 0 };
  for (const q of queues) {
    if (signal?.aborted) break;
    if (!routesAnything(q.routing)) continue;
    run.queues++;
    const r = await routeQueue(db, q, q.routing, now);
    run.scanned += r.scanned;
    run.added += r.added;
  }
  return run;
}

async function routeQueue(db: Db, q: typeof reviewQueue.$inferSelect, rule: Routing, now: number) {
  const hi = keyFloor(now + 1);
  const names = await loadDimensionNames(db, q.projectId);
  const ids = resolveDimensionFilter(names, rule);
  let scanned = 0;
  let added = 0;
  // Never below the queue's creation: a routing rule applies to events stored from then on.
  let lo = Math.max(keyFloor(q.createdAt), q.routingCursor - keyFloor(ROUTING_SETTLE_MS));
  if (ids) {
    while (lo < hi && scanned < MAX_ROWS_PER_RUN) {
      // `+project_id` keeps SQLite on the primary key (see db/statements/event-reads.ts).
      const rows = await db.orm.select({ id: event.id }).from(event).where(and(
        gte(event.id, lo), lt(event.id, hi), sql`+${event.projectId} = ${q.projectId}`,
        rule.flagged === undefined ? undefined : eq(event.flagged, rule.flagged ? 1 : 0),
        rule.environment === undefined ? undefined : eq(event.environment, rule.environment),
        ids.modelId === null ? undefined : eq(event.modelId, ids.modelId),
        ids.modelVersionId === null ? undefined : eq(event.modelVersionId, ids.modelVersionId),
        ids.promptId === null ? undefined : eq(event.promptId, ids.promptId),
        ids.promptVersionId === null ? undefined : eq(event.promptVersionId, ids.promptVersionId),
      )).orderBy(asc(event.id)).limit(BATCH);
      scanned += rows.length;
      const picked = rows.map((r) => r.id).filter((id) => inSample(q.id, id, rule.sampleRate ?? 1));
      if (picked.length > 0) added += (await db.transaction((tx) => insertItems(tx, q, picked, "routing", now))).added;
      if (rows.length < BATCH) { lo = hi; break; }
      lo = rows[rows.length - 1].id + 1;
    }
  } else {
    lo = hi; // a named model/prompt that does not exist yet: no event can match so far
  }
  await db.orm.update(reviewQueue).set({ routingCursor: Math.max(q.routingCursor, Math.min(lo, hi)) }).where(eq(reviewQueue.id, q.id));
  return { scanned, added };
}
