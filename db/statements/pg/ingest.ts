import type { Db } from "@/db/client";
import { pgOf, pgRows, pgTransaction } from "@/db/pg/driver";
import { getTableColumns } from "drizzle-orm";
import { event, type ModelKind } from "@/db/schema";
import { MEASURE_NAMES, ROLLUP_MEASURES, type Measures } from "@/db/schema/rollup-measures";
import type { EventRow } from "../ingest";

/**
 * The ingest hot path on PostgreSQL (the siblings of db/statements/ingest.ts and dimensions.ts).
 * Each statement takes a whole batch as arrays and expands them with `unnest`: one round trip
 * and one plan per batch instead of one per row, with a fixed parameter count whatever the
 * batch size (a VALUES list would hit the 65,535-parameter limit at 2,520 events).
 * docs/adr/0044-postgres-ingest.md measures this against COPY.
 */

/**
 * The event table's columns, read from the schema: a column added to db/schema/event.ts is
 * inserted here too, from the `EventRow` field of the same name (the row the store builds).
 */
const EVENT_COLUMNS: [keyof EventRow, string, string][] = Object.entries(getTableColumns(event)).map(([key, col]) => [
  key as keyof EventRow,
  col.name,
  ({ integer: "bigint", real: "float8", text: "text" } as Record<string, string>)[col.getSQLType()] ?? "text",
]);

const INSERT_EVENTS = `INSERT INTO event (${EVENT_COLUMNS.map(([, c]) => c).join(", ")})
  SELECT * FROM unnest(${EVENT_COLUMNS.map(([, , t], i) => `$${i + 1}::${t}[]`).join(", ")})
  ON CONFLICT DO NOTHING RETURNING id`;

/** Attempts of a store transaction whose rows met a day partition being attached. */
const ATTACH_ATTEMPTS = 5;

/**
 * An insert routed to `event_default` while that day's partition was being attached
 * (db/pg/partitions.ts) fails its partition check: the transaction did nothing, and run again it
 * routes into the new partition.
 */
function metAttachedPartition(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === "object" && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, table } = e as { code?: unknown; table?: unknown };
    if (code === "23514" && table === "event_default") return true;
  }
  return false;
}

/** The ingest store's transaction: READ COMMITTED, its statements lock the rollup rows they merge. */
export async function storeInTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await pgTransaction(db, "read committed", fn);
    } catch (err) {
      if (attempt >= ATTACH_ATTEMPTS || !metAttachedPartition(err)) throw err;
    }
  }
}

/**
 * Inserts the rows, skipping any whose key is taken (another writer, same millisecond); returns
 * the ids that were inserted. Duplicates never get here: `claimClientIdsPg` filtered them.
 */
export async function insertEventsPg(db: Db, rows: EventRow[]): Promise<Set<number>> {
  const params = EVENT_COLUMNS.map(([k]) => rows.map((r) => r[k]));
  const inserted = await pgRows<{ id: number }>(db, INSERT_EVENTS, params);
  return new Set(inserted.map((r) => r.id));
}

export interface IdempotencyClaim {
  projectId: number;
  clientId: string;
  eventId: number;
  receivedAt: number;
}

/**
 * Claims each (project, client id) in `event_idempotency` (docs/adr/0048); returns the event ids
 * whose claim is new. A claim already there — committed, made by a concurrent transaction (this
 * one waits for it to end), or earlier in the same batch — is a duplicate.
 */
export async function claimClientIdsPg(db: Db, claims: IdempotencyClaim[]): Promise<Set<number>> {
  if (claims.length === 0) return new Set();
  const rows = await pgRows<{ event_id: number }>(
    db,
    `INSERT INTO event_idempotency (project_id, client_id, event_id, received_at)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::bigint[])
     ON CONFLICT DO NOTHING RETURNING event_id`,
    [claims.map((c) => c.projectId), claims.map((c) => c.clientId), claims.map((c) => c.eventId), claims.map((c) => c.receivedAt)],
  );
  return new Set(rows.map((r) => r.event_id));
}

/** Points claims at the new key their event took after a key collision. */
export async function rekeyClaimsPg(db: Db, claims: { projectId: number; clientId: string; eventId: number }[]): Promise<void> {
  if (claims.length === 0) return;
  await pgOf(db).query(
    `UPDATE event_idempotency c SET event_id = u.event_id
     FROM unnest($1::bigint[], $2::text[], $3::bigint[]) AS u(project_id, client_id, event_id)
     WHERE c.project_id = u.project_id AND c.client_id = u.client_id`,
    [claims.map((c) => c.projectId), claims.map((c) => c.clientId), claims.map((c) => c.eventId)],
  );
}

/** `event.id` by client id, for the given client ids of one project. */
export async function eventIdsByClientIdPg(db: Db, projectId: number, clientIds: string[]): Promise<Map<string, number>> {
  if (clientIds.length === 0) return new Map();
  const rows = await pgRows<{ id: number; client_id: string }>(db, "SELECT id, client_id FROM event WHERE project_id = $1 AND client_id = ANY($2::text[])", [
    projectId,
    clientIds,
  ]);
  return new Map(rows.map((r) => [r.client_id, r.id]));
}

export interface LabelRow {
  eventId: number;
  projectId: number;
  targetClientId: string;
  targetEventId: number | null;
  valueText: string | null;
  valueNum: number | null;
  ts: number;
}

export async function insertLabelsPg(db: Db, rows: LabelRow[]): Promise<void> {
  if (rows.length === 0) return;
  await pgOf(db).query(
    `INSERT INTO label (event_id, project_id, target_client_id, target_event_id, value_text, value_num, ts)
     SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::bigint[], $5::text[], $6::float8[], $7::bigint[])`,
    [rows.map((r) => r.eventId), rows.map((r) => r.projectId), rows.map((r) => r.targetClientId), rows.map((r) => r.targetEventId),
      rows.map((r) => r.valueText), rows.map((r) => r.valueNum), rows.map((r) => r.ts)],
  );
}

/** The SQLite `enqueueTraceInheritance` for a whole group: one row per (project, trace), latest wins. */
export async function enqueueTraceInheritancePg(db: Db, rows: { projectId: number; traceId: string }[], now: number): Promise<void> {
  if (rows.length === 0) return;
  const unique = [...new Map(rows.map((r) => [`${r.projectId}\u0000${r.traceId}`, r])).values()];
  await pgOf(db).query(
    `INSERT INTO trace_inheritance (project_id, trace_id, enqueued_at, next_at, attempts)
     SELECT p, t, $3, $3, 0 FROM unnest($1::bigint[], $2::text[]) AS x(p, t)
     ON CONFLICT (project_id, trace_id) DO UPDATE SET enqueued_at = excluded.enqueued_at, next_at = excluded.next_at, attempts = 0`,
    [unique.map((r) => r.projectId), unique.map((r) => r.traceId), now],
  );
}

export interface MetricPointRowIn {
  eventId: number;
  projectId: number;
  modelId: number;
  modelVersionId: number | null;
  name: string;
  feature: string | null;
  value: number;
  ts: number;
}

export async function insertMetricPointsPg(db: Db, rows: MetricPointRowIn[]): Promise<void> {
  if (rows.length === 0) return;
  await pgOf(db).query(
    `INSERT INTO metric_point (event_id, project_id, model_id, model_version_id, name, feature, value, ts)
     SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::bigint[], $5::text[], $6::text[], $7::float8[], $8::bigint[])`,
    [rows.map((r) => r.eventId), rows.map((r) => r.projectId), rows.map((r) => r.modelId), rows.map((r) => r.modelVersionId),
      rows.map((r) => r.name), rows.map((r) => r.feature), rows.map((r) => r.value), rows.map((r) => r.ts)],
  );
}

export interface PredictionRowIn {
  eventId: number;
  projectId: number;
  modelId: number;
  modelVersionId: number | null;
  ts: number;
  sampleKey: number;
  valueNum: number | null;
  valueText: string | null;
  score: number | null;
  features: string | null;
  attributions: string | null;
}

export async function insertPredictionsPg(db: Db, rows: PredictionRowIn[]): Promise<void> {
  if (rows.length === 0) return;
  await pgOf(db).query(
    `INSERT INTO prediction (event_id, project_id, model_id, model_version_id, ts, sample_key, value_num, value_text, score, features, attributions)
     SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[], $7::float8[], $8::text[],
       $9::float8[], $10::text[], $11::text[])`,
    [rows.map((r) => r.eventId), rows.map((r) => r.projectId), rows.map((r) => r.modelId), rows.map((r) => r.modelVersionId),
      rows.map((r) => r.ts), rows.map((r) => r.sampleKey), rows.map((r) => r.valueNum), rows.map((r) => r.valueText),
      rows.map((r) => r.score), rows.map((r) => r.features), rows.map((r) => r.attributions)],
  );
}

/** A rollup row to add: its key, its measures, and (merged by the caller) its sketch. */
export interface RollupDelta {
  key: [projectId: number, resolution: number, bucket: number, kind: number, modelId: number, modelVersionId: number, promptId: number, promptVersionId: number];
  m: Measures;
}

const KEY_COLUMNS = ["project_id", "resolution", "bucket", "kind", "model_id", "model_version_id", "prompt_id", "prompt_version_id"];
const MEASURE_COLUMNS = MEASURE_NAMES.map((m) => ROLLUP_MEASURES[m].column);
const MEASURE_TYPES = MEASURE_NAMES.map((m) => (ROLLUP_MEASURES[m].type === "integer" ? "bigint" : "float8"));

/**
 * Adds the measures of every delta to its row (creating it), in one statement, and returns the
 * rows' stored sketches (keyed `k1|k2|…`; our update does not touch the sketch, so RETURNING
 * shows what was committed before). The rows are then locked by this transaction until it ends,
 * so a concurrent writer (another instance) waits at the same rows instead of interleaving: the
 * merge of those sketches and `writeRollupSketchesPg` cannot lose its samples. Deltas arrive
 * sorted by key, so two writers lock shared rows in the same order.
 */
export async function addRollupMeasuresPg(db: Db, deltas: RollupDelta[], shard: number): Promise<Map<string, Buffer>> {
  if (deltas.length === 0) return new Map();
  const params = [
    ...KEY_COLUMNS.map((_, i) => deltas.map((d) => d.key[i])),
    ...MEASURE_NAMES.map((name) => deltas.map((d) => d.m[name])),
    shard,
  ];
  const types = [...KEY_COLUMNS.map(() => "bigint"), ...MEASURE_TYPES];
  const rows = await pgRows<{ k: string; s: Buffer | null }>(
    db,
    `INSERT INTO rollup AS r (${[...KEY_COLUMNS, ...MEASURE_COLUMNS, "writer_shard"].join(", ")})
     SELECT *, $${types.length + 1}::bigint FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(", ")})
     ON CONFLICT (${KEY_COLUMNS.join(", ")}, writer_shard)
     DO UPDATE SET ${MEASURE_COLUMNS.map((c) => `${c} = r.${c} + excluded.${c}`).join(", ")}
     RETURNING concat_ws('|', ${KEY_COLUMNS.map((c) => `r.${c}`).join(", ")}) AS k, r.latency_sketch AS s`,
    params,
  );
  const stored = new Map<string, Buffer>();
  for (const row of rows) if (row.s) stored.set(row.k, row.s);
  return stored;
}

export async function writeRollupSketchesPg(db: Db, rows: { key: RollupDelta["key"]; sketch: Buffer }[], shard: number): Promise<void> {
  if (rows.length === 0) return;
  const n = KEY_COLUMNS.length;
  await pgOf(db).query(
    `UPDATE rollup r SET latency_sketch = u.s
     FROM unnest(${KEY_COLUMNS.map((_, i) => `$${i + 1}::bigint[]`).join(", ")}, $${n + 1}::bytea[]) AS u(${KEY_COLUMNS.join(", ")}, s)
     WHERE ${KEY_COLUMNS.map((c) => `r.${c} = u.${c}`).join(" AND ")} AND r.writer_shard = $${n + 2}`,
    [...KEY_COLUMNS.map((_, i) => rows.map((r) => r.key[i])), rows.map((r) => r.sketch), shard],
  );
}

/** Rollup rows per key that ingest transactions spread over (docs/adr/0049). */
export const WRITER_SHARDS = 16;
/** Any constant: the advisory-lock namespace of writer shards (tests hold shards through it too). */
export const SHARD_LOCK = 7_412_004;

/** This process's first choice: one writer alone keeps one row per key; two rarely collide. */
const PREFERRED_SHARD = Math.floor(Math.random() * WRITER_SHARDS);

/**
 * A writer shard no concurrent ingest transaction holds, held by this one until it ends
 * (transaction-level advisory lock): its rollup upserts then never wait on another writer's
 * row locks. With more concurrent writers than shards, the preferred shard without the lock:
 * still exact (the upsert's row locks serialise the merge), only not wait-free.
 */
export async function takeWriterShardPg(db: Db): Promise<number> {
  const start = PREFERRED_SHARD;
  for (let i = 0; i < WRITER_SHARDS; i++) {
    const shard = (start + i) % WRITER_SHARDS;
    const [row] = await pgRows<{ ok: boolean }>(db, "SELECT pg_try_advisory_xact_lock($1, $2) AS ok", [SHARD_LOCK, shard]);
    if (row.ok) return shard;
  }
  return start;
}

/**
 * Find-or-create of a dimension name (model, prompt, their versions): INSERT … ON CONFLICT DO
 * NOTHING, then SELECT — correct with any number of writers. Runs outside the ingest
 * transaction (autocommit): a name row without events is harmless, and the ingest
 * transaction then never waits on another's uncommitted name.
 */
export async function findOrCreateDimensionPg(
  db: Db,
  kind: "model" | "modelVersion" | "prompt" | "promptVersion",
  owner: number,
  name: string | number,
  now: number,
  modelKind?: ModelKind,
  /** Called before a new row is created; throws to refuse it (the per-project name caps). */
  admit?: () => Promise<void>,
): Promise<number> {
  const [insert, select, params] = DIMENSION_SQL[kind](owner, name, now, modelKind);
  const found = await pgRows<{ id: number }>(db, select, [owner, name]);
  if (found[0]) return found[0].id;
  await admit?.();
  await pgOf(db).query(insert, params);
  return (await pgRows<{ id: number }>(db, select, [owner, name]))[0].id;
}

const DIMENSION_SQL: Record<string, (owner: number, name: string | number, now: number, kind?: ModelKind) => [string, string, unknown[]]> = {
  model: (o, n, now, k) => [
    "INSERT INTO model (project_id, name, kind, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
    "SELECT id FROM model WHERE project_id = $1 AND name = $2",
    [o, n, k, now],
  ],
  modelVersion: (o, n, now) => [
    "INSERT INTO model_version (model_id, version, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
    "SELECT id FROM model_version WHERE model_id = $1 AND version = $2",
    [o, n, now],
  ],
  prompt: (o, n, now) => [
    "INSERT INTO prompt (project_id, key, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
    "SELECT id FROM prompt WHERE project_id = $1 AND key = $2",
    [o, n, now],
  ],
  promptVersion: (o, n, now) => [
    "INSERT INTO prompt_version (prompt_id, version, labels, created_at) VALUES ($1, $2, '[]', $3) ON CONFLICT DO NOTHING",
    "SELECT id FROM prompt_version WHERE prompt_id = $1 AND version = $2",
    [o, n, now],
  ],
};

const COUNT_SQL: Record<"model" | "modelVersion" | "prompt" | "promptVersion", string> = {
  model: "SELECT count(*)::int AS n FROM model WHERE project_id = $1",
  modelVersion: "SELECT count(*)::int AS n FROM model_version v JOIN model m ON m.id = v.model_id WHERE m.project_id = $1",
  prompt: "SELECT count(*)::int AS n FROM prompt WHERE project_id = $1",
  promptVersion: "SELECT count(*)::int AS n FROM prompt_version v JOIN prompt p ON p.id = v.prompt_id WHERE p.project_id = $1",
};

/** Rows of one dimension in a project (the name caps, lib/ingest/limits.ts). */
export async function countDimensionPg(db: Db, kind: keyof typeof COUNT_SQL, projectId: number): Promise<number> {
  return (await pgRows<{ n: number }>(db, COUNT_SQL[kind], [projectId]))[0].n;
}
