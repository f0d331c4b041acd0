import type { Db } from "@/db/client";
import { ingestStatements } from "@/db/statements/ingest";
import { DimensionLimitError, dimensionResolver } from "./dimensions";
import { keyInstant, EventIdAllocator } from "./event-id";
import type { IngestEvent } from "./event-schema";
import { KIND_LLM, KIND_PREDICTION, RollupAccumulator } from "./rollup-accumulator";
import { toRow, type PreparedEvent } from "./to-row";
import { memo } from "@/db/client";
import { SAMPLE_KEY_RANGE } from "@/db/schema";
import { immediateTransactionSync } from "@/db/writer-transaction";
import { minuteHorizon } from "@/lib/metrics/retention";
import { storeGroupPg } from "./store-events-pg";
import { priceBook } from "@/lib/pricing/price-book";

export interface StoreItem {
  event: IngestEvent;
  extra?: Record<string, unknown>;
}

/** An event the store refused on its own (a per-project cap): plain data, it crosses threads. */
export interface StoreRejection {
  code: "limit_exceeded";
  message: string;
  path: string;
}

export type StoreStatus = "accepted" | "duplicate" | StoreRejection;

/** One caller's events for one project: a unit of a group commit (lib/ingest/writer/). */
export interface StoreUnit {
  projectId: number;
  items: StoreItem[];
  /**
   * OTLP: traces whose root attributes may cross exports, queued for the trace-root-attributes
   * job in the same transaction as the spans (no second commit, and the job never sees the
   * queue entry before the spans).
   */
  inheritTraces?: string[];
}

/**
 * A group commit on the handle's dialect: `storeGroup` on SQLite (synchronous, on the writer's
 * connection), `storeGroupPg` on PostgreSQL. Same contract and statuses on both.
 */
export async function storeUnits(db: Db, units: StoreUnit[], now = Date.now()): Promise<StoreStatus[][]> {
  return db.dialect === "postgres" ? storeGroupPg(db, units, now) : storeGroup(db, units, now);
}

/**
 * Writes validated events, their side-table records and the rollups in ONE transaction, so a
 * batch is either fully stored or not at all, and a committed batch is on disk before the
 * caller answers 2xx (WAL + synchronous=FULL by default).
 */
export function storeEvents(db: Db, projectId: number, items: StoreItem[], now = Date.now()): StoreStatus[] {
  return storeGroup(db, [{ projectId, items }], now)[0];
}

/**
 * Group commit: several callers' units in one IMMEDIATE transaction and one fsync. All or
 * nothing — when it throws, nothing of any unit is stored and the caller may retry each unit
 * alone to isolate a failing one. Rollup groups are shared, so concurrent batches touching the
 * same minute write its row once.
 */
export function storeGroup(db: Db, units: StoreUnit[], now = Date.now()): StoreStatus[][] {
  const stmts = ingestStatements(db);
  const dims = dimensionResolver(db);
  const ids = memo(db, "eventIds", () => new EventIdAllocator());
  const rollups = new RollupAccumulator(minuteHorizon(now));
  // Once per batch: a price saved since the last batch (on any connection) applies from this one.
  const prices = priceBook(db);
  const tx = (): StoreStatus[][] => {
    const out = units.map(({ projectId, items }) =>
      items.map(({ event, extra }): StoreStatus => {
        let row: PreparedEvent;
        try {
          row = toRow(prices, dims, projectId, event, now, extra);
        } catch (err) {
          if (err instanceof DimensionLimitError) return { code: "limit_exceeded", message: `${err.path}: ${err.message}`, path: err.path };
          throw err;
        }
        const id = insertEvent(stmts, ids, row);
        if (id === null) return "duplicate";
        sideRecords(stmts, projectId, id, row);
        if (row.modelId !== null && (row.type === "llm" || row.type === "prediction")) {
          rollups.add(row, row.modelId, row.type === "llm" ? KIND_LLM : KIND_PREDICTION);
        }
        return "accepted";
      }),
    );
    rollups.flush(stmts);
    for (const { projectId, inheritTraces } of units) {
      for (const traceId of inheritTraces ?? []) stmts.enqueueTraceInheritance.run(projectId, traceId, now, now);
    }
    return out;
  };
  try {
    const out = immediateTransactionSync(db, tx);
    dims.commit();
    return out;
  } catch (err) {
    dims.forgetUncommitted();
    throw err;
  }
}

function sideRecords(s: ReturnType<typeof ingestStatements>, projectId: number, id: number, row: PreparedEvent) {
  if (row.type === "label" && row.targetClientId !== undefined && row.modelId !== null) {
    const target = s.findEventByClientId.get(projectId, row.targetClientId)?.id ?? null;
    const v = row.labelValue;
    s.insertLabel.run(id, projectId, row.targetClientId, target, typeof v === "string" ? v : null, typeof v === "number" ? v : null, row.ts);
  } else if (row.type === "metric" && row.metric && row.modelId !== null) {
    const m = row.metric;
    s.insertMetricPoint.run(id, projectId, row.modelId, row.modelVersionId, m.name, m.feature, m.value, row.ts);
  } else if (row.type === "prediction" && row.prediction && row.modelId !== null) {
    const p = row.prediction;
    // A uniform random key per prediction: a window's N smallest keys are a uniform sample (ADR 0034).
    const sampleKey = Math.floor(Math.random() * SAMPLE_KEY_RANGE);
    s.insertPrediction.run(id, projectId, row.modelId, row.modelVersionId, row.ts, sampleKey, p.valueNum, p.valueText, row.score, p.features, p.attributions);
  }
}

/** Bound on probing for a free key; reached only if a millisecond's key space is nearly full. */
const MAX_PROBES = 1_000_000;

/** Inserts with a fresh time-ordered id; null when the client id was already stored. */
function insertEvent(stmts: ReturnType<typeof ingestStatements>, ids: EventIdAllocator, row: PreparedEvent): number | null {
  const instant = keyInstant(row.ts, row.receivedAt);
  let id = ids.next(instant);
  for (let probe = 0; probe < MAX_PROBES; probe++, id++) {
    const r = row;
    const changes = stmts.insertEvent.run(
      id, r.projectId, r.clientId, r.type, r.ts, r.receivedAt, r.modelId, r.modelVersionId, r.promptId, r.promptVersionId,
      r.environment, r.userId, r.sessionId, r.traceId, r.spanId, r.parentSpanId, r.status, r.latencyMs, r.inputTokens,
      r.outputTokens, r.cacheReadTokens, r.cacheWriteTokens, r.reasoningTokens, r.costUsd, r.costReported, r.costInputUsd,
      r.costCacheReadUsd, r.costCacheWriteUsd, r.costOutputUsd, r.costReasoningUsd, r.unpriced, r.flagged, r.hallucinationScore, r.score, r.body,
    ).changes;
    if (changes === 1) return id;
    if (stmts.findEventByClientId.get(row.projectId, row.clientId)) return null;
    // The key slot belongs to another event (same millisecond): take the next one.
    ids.taken(instant, id);
  }
  throw new Error(`No free event key near millisecond ${row.ts}`);
}
