import { sqliteOf } from "@/db/driver";
import type Sqlite from "better-sqlite3";
import type { Db } from "@/db/client";
import { memo } from "@/db/client";
import { MEASURE_NAMES, ROLLUP_MEASURES } from "@/db/schema/rollup-measures";

/**
 * Prepared statements of the ingest hot path. Raw SQL on purpose: Drizzle's query builder cost
 * 2.6–9× more per row here (docs/adr/0002). The PostgreSQL dialect gets its own file.
 */
export interface EventRow {
  id: number;
  projectId: number;
  clientId: string;
  type: string;
  ts: number;
  receivedAt: number;
  modelId: number | null;
  modelVersionId: number | null;
  promptId: number | null;
  promptVersionId: number | null;
  environment: string;
  userId: string | null;
  sessionId: string | null;
  traceId: string | null;
  spanId: string | null;
  parentSpanId: string | null;
  status: string | null;
  latencyMs: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  cacheReadTokens: number | null;
  cacheWriteTokens: number | null;
  reasoningTokens: number | null;
  costUsd: number | null;
  costReported: number | null;
  costInputUsd: number | null;
  costCacheReadUsd: number | null;
  costCacheWriteUsd: number | null;
  costOutputUsd: number | null;
  costReasoningUsd: number | null;
  unpriced: number | null;
  flagged: number | null;
  hallucinationScore: number | null;
  score: number | null;
  body: string;
}

/** The rollup primary key, in column order: the positional arguments of `findRollupSketch`. */
export type RollupKey = [
  projectId: number, resolution: number, bucket: number, kind: number, modelId: number, modelVersionId: number,
  promptId: number, promptVersionId: number,
];

/** The columns of `event` in the order `insertEvent` binds them. */
export type EventValues = [
  id: number, projectId: number, clientId: string, type: string, ts: number, receivedAt: number, modelId: number | null,
  modelVersionId: number | null, promptId: number | null, promptVersionId: number | null, environment: string,
  userId: string | null, sessionId: string | null, traceId: string | null, spanId: string | null, parentSpanId: string | null,
  status: string | null, latencyMs: number | null, inputTokens: number | null, outputTokens: number | null,
  cacheReadTokens: number | null, cacheWriteTokens: number | null, reasoningTokens: number | null, costUsd: number | null,
  costReported: number | null, costInputUsd: number | null, costCacheReadUsd: number | null, costCacheWriteUsd: number | null,
  costOutputUsd: number | null, costReasoningUsd: number | null, unpriced: number | null, flagged: number | null, hallucinationScore: number | null,
  score: number | null, body: string,
];

/**
 * `RollupKey`, the sketch, then the measures in `MEASURE_NAMES` order: the positional arguments
 * of `upsertRollup`.
 */
export type RollupValues = [...RollupKey, latencySketch: Buffer | null, ...measures: number[]];

const MEASURE_COLUMNS = MEASURE_NAMES.map((m) => ROLLUP_MEASURES[m].column);

/** Insert a rollup row, or add its measures to the stored one (the sketch was merged by the caller). */
const UPSERT_ROLLUP = `INSERT INTO rollup (project_id, resolution, bucket, kind, model_id, model_version_id, prompt_id, prompt_version_id,
    latency_sketch, ${MEASURE_COLUMNS.join(", ")})
   VALUES (${new Array(9 + MEASURE_COLUMNS.length).fill("?").join(", ")})
   ON CONFLICT (project_id, resolution, bucket, kind, model_id, model_version_id, prompt_id, prompt_version_id)
   DO UPDATE SET latency_sketch = COALESCE(excluded.latency_sketch, latency_sketch),
    ${MEASURE_COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(", ")}`;

// Positional parameters throughout: binding by name costs a property lookup per parameter and
// forces callers to build an object per row (a 26-field spread per event, 26% of seed time).
function prepareAll(s: Sqlite.Database) {
  return {
    // DO NOTHING covers both the primary key and the (project, client id) unique index;
    // the caller tells the two apart (lib/ingest/store-events.ts).
    insertEvent: s.prepare<EventValues>(
      `INSERT INTO event (id, project_id, client_id, type, ts, received_at, model_id, model_version_id, prompt_id,
        prompt_version_id, environment, user_id, session_id, trace_id, span_id, parent_span_id, status, latency_ms,
        input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, reasoning_tokens, cost_usd, cost_reported,
        cost_input_usd, cost_cache_read_usd, cost_cache_write_usd, cost_output_usd, cost_reasoning_usd, unpriced, flagged,
        hallucination_score, score, body)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
    ),
    findEventByClientId: s.prepare<[number, string], { id: number }>(
      "SELECT id FROM event WHERE project_id = ? AND client_id = ?",
    ),
    insertLabel: s.prepare<[number, number, string, number | null, string | null, number | null, number]>(
      `INSERT INTO label (event_id, project_id, target_client_id, target_event_id, value_text, value_num, ts)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertMetricPoint: s.prepare<[number, number, number, number | null, string, string | null, number, number]>(
      `INSERT INTO metric_point (event_id, project_id, model_id, model_version_id, name, feature, value, ts)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertPrediction: s.prepare<
      [number, number, number, number | null, number, number, number | null, string | null, number | null, string | null, string | null]
    >(
      `INSERT INTO prediction (event_id, project_id, model_id, model_version_id, ts, sample_key, value_num, value_text, score,
        features, attributions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    findRollupSketch: s.prepare<RollupKey, { latency_sketch: Buffer | null }>(
      `SELECT latency_sketch FROM rollup WHERE project_id = ? AND resolution = ? AND bucket = ? AND kind = ?
        AND model_id = ? AND model_version_id = ? AND prompt_id = ? AND prompt_version_id = ?`,
    ),
    upsertRollup: s.prepare<RollupValues>(UPSERT_ROLLUP),
    // An OTLP export's traces whose root attributes may cross exports (lib/otlp/inherit-root-attributes.ts).
    enqueueTraceInheritance: s.prepare<[number, string, number, number]>(
      `INSERT INTO trace_inheritance (project_id, trace_id, enqueued_at, next_at, attempts) VALUES (?, ?, ?, ?, 0)
       ON CONFLICT (project_id, trace_id) DO UPDATE SET enqueued_at = excluded.enqueued_at, next_at = excluded.next_at, attempts = 0`,
    ),
  };
}

export type IngestStatements = ReturnType<typeof prepareAll>;

export function ingestStatements(db: Db): IngestStatements {
  return memo(db, "ingestStatements", () => prepareAll(sqliteOf(db)));
}
