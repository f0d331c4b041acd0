import type { Db } from "@/db/client";
import { memo } from "@/db/client";
import { SAMPLE_KEY_RANGE } from "@/db/schema";
import { enqueueTraceInheritancePg, storeInTransaction } from "@/db/statements/pg/ingest";
import type { EventRow } from "@/db/statements/ingest";
import {
  addRollupMeasuresPg,
  claimClientIdsPg,
  eventIdsByClientIdPg,
  insertEventsPg,
  insertLabelsPg,
  insertMetricPointsPg,
  insertPredictionsPg,
  rekeyClaimsPg,
  takeWriterShardPg,
  writeRollupSketchesPg,
  type LabelRow,
  type MetricPointRowIn,
  type PredictionRowIn,
  type RollupDelta,
} from "@/db/statements/pg/ingest";
import { minuteHorizon } from "@/lib/metrics/retention";
import { encodeSketch, mergeEncoded } from "@/lib/metrics/latency-sketch";
import { loadPriceBook } from "@/lib/pricing/price-book";
import { dimensionResolver } from "./dimensions";
import { EventIdAllocator, keyInstant } from "./event-id";
import { KIND_LLM, KIND_PREDICTION, RollupAccumulator } from "./rollup-accumulator";
import type { StoreStatus, StoreUnit } from "./store-events";
import { toRow, type PreparedEvent } from "./to-row";

/** Bound on rounds of key probing; each round retries only the rows whose key was taken. */
const MAX_ROUNDS = 64;
/** Upper bound of the random stretch of keys skipped after a collision (one millisecond's worth). */
const COLLISION_JUMP = 1024;

/**
 * The PostgreSQL store of a group commit: the same contract as `storeGroup` on SQLite (all or
 * nothing; per event "accepted" or "duplicate"; side records and rollups in the same
 * transaction), with set-at-a-time statements instead of per-row ones. Names are resolved and
 * the price book checked before the transaction (both asynchronous here); rollups stay exact with
 * several instances writing at once (db/statements/pg/ingest.ts, docs/adr/0044).
 */
export async function storeGroupPg(db: Db, units: StoreUnit[], now = Date.now()): Promise<StoreStatus[][]> {
  const dims = dimensionResolver(db);
  for (const u of units) await dims.preload(u.projectId, u.items.map((i) => i.event), now);
  // Once per batch, as on SQLite: a price saved since the last batch (any instance) applies.
  const prices = await loadPriceBook(db);
  const rows = units.map(({ projectId, items }) => items.map(({ event, extra }) => toRow(prices, dims, projectId, event, now, extra)));
  // READ COMMITTED: the statements lock what they merge (db/statements/pg/ingest.ts);
  // retried on deadlock like any transaction.
  const inherit = units.flatMap(({ projectId, inheritTraces }) => (inheritTraces ?? []).map((traceId) => ({ projectId, traceId })));
  return storeInTransaction(db, async (tx) => {
    const statuses = await storeRows(tx, rows, now);
    await enqueueTraceInheritancePg(tx, inherit, now);
    return statuses;
  });
}

interface Slot {
  unit: number;
  item: number;
  row: PreparedEvent;
  instant: number;
  id: number;
}

async function storeRows(tx: Db, rows: PreparedEvent[][], now: number): Promise<StoreStatus[][]> {
  const ids = memo(tx, "eventIds", () => new EventIdAllocator());
  const statuses: StoreStatus[][] = rows.map((r) => r.map((): StoreStatus => "duplicate"));
  const slots: Slot[] = rows.flatMap((r, unit) =>
    r.map((row, item) => {
      const instant = keyInstant(row.ts, row.receivedAt);
      return { unit, item, row, instant, id: ids.next(instant) };
    }),
  );
  // Idempotency first (docs/adr/0048): a slot whose (project, client id) claim is not new is a
  // duplicate, also of an earlier slot in this very batch.
  const claimed = await claimClientIdsPg(tx, slots.map((s) => ({ projectId: s.row.projectId, clientId: s.row.clientId, eventId: s.id, receivedAt: s.row.receivedAt })));
  let pending = slots.filter((s) => claimed.has(s.id));
  const accepted: Slot[] = [];
  for (let round = 0; pending.length > 0; round++) {
    if (round === MAX_ROUNDS) throw new Error("No free event keys after repeated collisions");
    const inserted = await insertEventsPg(tx, pending.map((s) => ({ ...s.row, id: s.id }) as EventRow));
    const missed: Slot[] = [];
    for (const s of pending) {
      if (inserted.has(s.id)) {
        statuses[s.unit][s.item] = "accepted";
        accepted.push(s);
      } else missed.push(s);
    }
    // Not inserted: another writer holds its key (same millisecond). Take a new key, move the
    // claim to it, go again — past a random stretch (once per instant and round), so that two
    // writers allocating in the same region move apart instead of probing the same next slots.
    const jumped = new Set<number>();
    for (const s of missed) {
      const gap = jumped.has(s.instant) ? 0 : Math.floor(Math.random() * COLLISION_JUMP);
      jumped.add(s.instant);
      ids.taken(s.instant, s.id, gap);
      s.id = ids.next(s.instant);
    }
    await rekeyClaimsPg(tx, missed.map((s) => ({ projectId: s.row.projectId, clientId: s.row.clientId, eventId: s.id })));
    pending = missed;
  }
  await sideRecords(tx, accepted);
  await writeRollups(tx, accepted, now);
  return statuses;
}

async function sideRecords(tx: Db, accepted: Slot[]): Promise<void> {
  const labels: LabelRow[] = [];
  const metrics: MetricPointRowIn[] = [];
  const predictions: PredictionRowIn[] = [];
  const targets = new Map<number, string[]>();
  for (const { row, id } of accepted) {
    if (row.type === "label" && row.targetClientId !== undefined && row.modelId !== null) {
      const v = row.labelValue;
      labels.push({ eventId: id, projectId: row.projectId, targetClientId: row.targetClientId, targetEventId: null,
        valueText: typeof v === "string" ? v : null, valueNum: typeof v === "number" ? v : null, ts: row.ts });
      (targets.get(row.projectId) ?? targets.set(row.projectId, []).get(row.projectId)!).push(row.targetClientId);
    } else if (row.type === "metric" && row.metric && row.modelId !== null) {
      const m = row.metric;
      metrics.push({ eventId: id, projectId: row.projectId, modelId: row.modelId, modelVersionId: row.modelVersionId, name: m.name, feature: m.feature, value: m.value, ts: row.ts });
    } else if (row.type === "prediction" && row.prediction && row.modelId !== null) {
      const p = row.prediction;
      // A uniform random key per prediction, as on SQLite (ADR 0034).
      predictions.push({ eventId: id, projectId: row.projectId, modelId: row.modelId, modelVersionId: row.modelVersionId, ts: row.ts,
        sampleKey: Math.floor(Math.random() * SAMPLE_KEY_RANGE), valueNum: p.valueNum, valueText: p.valueText, score: row.score,
        features: p.features, attributions: p.attributions });
    }
  }
  for (const [projectId, clientIds] of targets) {
    const found = await eventIdsByClientIdPg(tx, projectId, clientIds);
    for (const l of labels) if (l.projectId === projectId) l.targetEventId = found.get(l.targetClientId) ?? null;
  }
  await insertLabelsPg(tx, labels);
  await insertMetricPointsPg(tx, metrics);
  await insertPredictionsPg(tx, predictions);
}

/**
 * Measures are added by the upsert, which returns the stored sketches of the rows it now holds
 * locked; they are merged and written back, so a concurrent writer's samples are never overwritten.
 * The rows are those of a writer shard this transaction holds alone (docs/adr/0049), so two
 * instances ingesting the same project and minutes do not wait on each other's row locks.
 */
async function writeRollups(tx: Db, accepted: Slot[], now: number): Promise<void> {
  const acc = new RollupAccumulator(minuteHorizon(now));
  for (const { row } of accepted) {
    if (row.modelId !== null && (row.type === "llm" || row.type === "prediction")) acc.add(row, row.modelId, row.type === "llm" ? KIND_LLM : KIND_PREDICTION);
  }
  const writes = acc.drain().map(({ resolution, group: g }) => ({
    key: [g.projectId, resolution, g.bucket, g.kind, g.modelId, g.modelVersionId, g.promptId, g.promptVersionId] as RollupDelta["key"],
    m: g.m,
    sketch: g.sketch,
  }));
  if (writes.length === 0) return;
  writes.sort((a, b) => compareKeys(a.key, b.key));
  const shard = await takeWriterShardPg(tx);
  const stored = await addRollupMeasuresPg(tx, writes, shard);
  const withSketch = writes.filter((w) => w.sketch !== null);
  await writeRollupSketchesPg(
    tx,
    withSketch.map((w) => {
      const existing = stored.get(w.key.join("|"));
      if (existing) mergeEncoded(w.sketch!, existing);
      return { key: w.key, sketch: encodeSketch(w.sketch!) };
    }),
    shard,
  );
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
