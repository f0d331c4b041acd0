import type { Db } from "@/db/client";
import { pgOf, pgRows } from "@/db/pg/driver";
import type { ModelKind } from "@/db/schema";
import { MEASURE_NAMES, ROLLUP_MEASURES } from "@/db/schema/rollup-measures";
import { COLUMNS, PREVIEW_CHARS, ROW_COLUMNS, type EventListRow, type EventReadRow, type EventScanFilter } from "../event-reads";
import type { MetricPointRow } from "../metric-point-reads";
import type { RollupFilter, RollupReadRow } from "../rollup-reads";
import { decodeSketch, encodeSketch, mergeEncoded } from "@/lib/metrics/latency-sketch";

/**
 * The PostgreSQL siblings of the read statements in db/statements/ (same functions, same rows;
 * each SQLite function delegates here when `db.dialect` is "postgres"). Integer sums are cast
 * back to bigint (sum(bigint) is numeric, which node-postgres returns as text).
 */

export async function readDimensionTablesPg(db: Db, projectId: number) {
  const [models, modelVersions, prompts, promptVersions] = await Promise.all([
    pgRows<{ id: number; name: string; kind: ModelKind }>(db, "SELECT id, name, kind FROM model WHERE project_id = $1", [projectId]),
    pgRows<{ id: number; version: string; owner: number }>(
      db,
      "SELECT v.id, v.version, v.model_id AS owner FROM model_version v JOIN model m ON m.id = v.model_id WHERE m.project_id = $1",
      [projectId],
    ),
    pgRows<{ id: number; key: string; name: string | null }>(db, "SELECT id, key, name FROM prompt WHERE project_id = $1", [projectId]),
    pgRows<{ id: number; version: number; owner: number }>(
      db,
      "SELECT v.id, v.version, v.prompt_id AS owner FROM prompt_version v JOIN prompt p ON p.id = v.prompt_id WHERE p.project_id = $1",
      [projectId],
    ),
  ]);
  return { models, modelVersions, prompts, promptVersions };
}

// COLUMNS is read inside the functions (at call time): event-reads.ts imports this module too.

/**
 * For lists, as on SQLite (db/statements/event-reads.ts): every body field longer than
 * PREVIEW_CHARS (text, or the JSON text of a structured value) cut to a string of its first
 * PREVIEW_CHARS characters, in SQL, and the keys cut. `json` (not jsonb) keeps the key order.
 */
function listColumns(): string {
  const long = `(json_typeof(value) = 'string' AND length(value #>> '{}') > ${PREVIEW_CHARS}
    OR json_typeof(value) IN ('object', 'array') AND length(value::text) > ${PREVIEW_CHARS})`;
  return `${ROW_COLUMNS},
  (SELECT coalesce(json_object_agg(key, CASE
      WHEN json_typeof(value) = 'string' AND length(value #>> '{}') > ${PREVIEW_CHARS} THEN to_json(substr(value #>> '{}', 1, ${PREVIEW_CHARS}))
      WHEN json_typeof(value) IN ('object', 'array') AND length(value::text) > ${PREVIEW_CHARS} THEN to_json(substr(value::text, 1, ${PREVIEW_CHARS}))
      ELSE value END), '{}'::json)::text FROM json_each(event.body::json)) AS body,
  (SELECT coalesce(json_agg(key), '[]'::json)::text FROM json_each(event.body::json) WHERE ${long}) AS truncated`;
}

/** Newest first within a key window (the primary key is time-ordered, lib/ingest/event-id.ts). */
export async function scanEventsPg(db: Db, f: EventScanFilter): Promise<EventListRow[]> {
  const p: unknown[] = [f.projectId, f.lo, f.hi];
  const where = ["project_id = $1", "id >= $2", "id < $3"];
  const eq = (col: string, v: unknown) => {
    if (v === null) return;
    p.push(v);
    where.push(`${col} = $${p.length}`);
  };
  if (f.from !== null) {
    p.push(f.from);
    where.push(`ts >= $${p.length}`);
  }
  if (f.to !== null) {
    p.push(f.to);
    where.push(`ts <= $${p.length}`);
  }
  eq("type", f.type);
  eq("model_id", f.modelId);
  eq("model_version_id", f.modelVersionId);
  eq("prompt_id", f.promptId);
  eq("prompt_version_id", f.promptVersionId);
  eq("status", f.status);
  eq("flagged", f.flagged);
  if (f.injection !== null) where.push(`((body::jsonb ? 'injection') = ${f.injection === 1 ? "true" : "false"})`);
  eq("user_id", f.userId);
  eq("session_id", f.sessionId);
  eq("environment", f.environment);
  eq("(body::jsonb ->> 'responseModel')", f.responseModel);
  eq("trace_id", f.traceId);
  if (f.q !== null) {
    p.push(f.q);
    const n = p.length;
    where.push(`((body::jsonb ->> 'output') LIKE $${n} ESCAPE '\\' OR (body::jsonb ->> 'input') LIKE $${n} ESCAPE '\\')`);
  }
  p.push(f.limit);
  return pgRows<EventListRow>(db, `SELECT ${listColumns()} FROM event WHERE ${where.join(" AND ")} ORDER BY id DESC LIMIT $${p.length}`, p);
}

export async function eventsOfTracePg(db: Db, projectId: number, traceId: string, limit: number): Promise<EventListRow[]> {
  return pgRows<EventListRow>(db, `SELECT ${listColumns()} FROM event WHERE project_id = $1 AND trace_id = $2 ORDER BY id LIMIT $3`, [
    projectId,
    traceId,
    limit,
  ]);
}

export async function eventByClientIdPg(db: Db, projectId: number, clientId: string): Promise<EventReadRow | undefined> {
  return (await pgRows<EventReadRow>(db, `SELECT ${COLUMNS} FROM event WHERE project_id = $1 AND client_id = $2`, [projectId, clientId]))[0];
}

export async function readModelSignalsPg(db: Db, projectId: number, from: number, to: number): Promise<MetricPointRow[]> {
  return pgRows<MetricPointRow>(
    db,
    `SELECT model_id, name, feature, value FROM metric_point
      WHERE project_id = $1 AND ts BETWEEN $2 AND $3 AND (name = 'accuracy' OR name LIKE 'drift.psi%')
      ORDER BY ts`,
    [projectId, from, to],
  );
}

const MEASURES_AS = (wrap: (col: string, type: string) => string) =>
  MEASURE_NAMES.map((m) => `${wrap(ROLLUP_MEASURES[m].column, ROLLUP_MEASURES[m].type)} AS "${m}"`).join(", ");

function rollupWhere(f: RollupFilter): { where: string; params: unknown[] } {
  const params: unknown[] = [f.projectId, f.resolution, f.from, f.to];
  const where = ["project_id = $1", "resolution = $2", "bucket >= $3", "bucket < $4"];
  const eq = (col: string, v: number | null) => {
    if (v === null) return;
    params.push(v);
    where.push(`${col} = $${params.length}`);
  };
  eq("kind", f.kind);
  eq("model_id", f.modelId);
  eq("model_version_id", f.modelVersionId);
  eq("prompt_id", f.promptId);
  eq("prompt_version_id", f.promptVersionId);
  if (f.withPrompt === 1) where.push("prompt_id <> 0");
  return { where: `WHERE ${where.join(" AND ")}`, params };
}

/**
 * One row per rollup key, as on SQLite: the writer shards of a key (docs/adr/0049) are summed
 * here and their sketches merged, so no caller sees a shard.
 */
export async function readRollupsPg(db: Db, f: RollupFilter): Promise<RollupReadRow[]> {
  const { where, params } = rollupWhere(f);
  const rows = await pgRows<RollupReadRow & { sketches: Buffer[] | null }>(
    db,
    `SELECT bucket, kind, model_id, model_version_id, prompt_id, prompt_version_id,
      array_agg(latency_sketch) FILTER (WHERE latency_sketch IS NOT NULL) AS sketches,
      ${MEASURES_AS((c, t) => `sum(${c})::${t === "integer" ? "bigint" : "float8"}`)}
     FROM rollup ${where}
     GROUP BY bucket, kind, model_id, model_version_id, prompt_id, prompt_version_id`,
    params,
  );
  return rows.map(({ sketches, ...row }) => ({ ...row, latency_sketch: mergeSketches(sketches) }));
}

function mergeSketches(sketches: Buffer[] | null): Buffer | null {
  if (!sketches || sketches.length === 0) return null;
  if (sketches.length === 1) return sketches[0];
  const merged = decodeSketch(sketches[0]);
  for (const s of sketches.slice(1)) mergeEncoded(merged, s);
  return encodeSketch(merged);
}

export async function readRollupCountsPg(db: Db, f: { projectId: number; resolution: number; from: number; to: number }) {
  return pgRows<{ bucket: number; model_id: number; prompt_id: number; count: number }>(
    db,
    `SELECT bucket, model_id, prompt_id, sum(count)::bigint AS count FROM rollup
     WHERE project_id = $1 AND resolution = $2 AND bucket >= $3 AND bucket < $4
     GROUP BY bucket, model_id, prompt_id`,
    [f.projectId, f.resolution, f.from, f.to],
  );
}

export async function readRollupTotalsPg(db: Db, f: RollupFilter): Promise<RollupReadRow[]> {
  const { where, params } = rollupWhere(f);
  return pgRows<RollupReadRow>(
    db,
    `SELECT bucket, 0 AS kind, 0 AS model_id, 0 AS model_version_id, 0 AS prompt_id, 0 AS prompt_version_id,
      NULL::bytea AS latency_sketch, ${MEASURES_AS((c, t) => `sum(${c})::${t === "integer" ? "bigint" : "float8"}`)}
     FROM rollup ${where}
     GROUP BY bucket`,
    params,
  );
}

export async function deleteRollupsBeforePg(db: Db, resolution: number, before: number): Promise<number> {
  const r = await pgOf(db).query("DELETE FROM rollup WHERE resolution = $1 AND bucket < $2", [resolution, before]);
  return r.rowCount ?? 0;
}

export async function otelContextBodiesPg(db: Db, projectId: number, ids: number[]): Promise<{ id: number; body: string }[]> {
  return pgRows(db, "SELECT id, body FROM otel_context WHERE project_id = $1 AND id = ANY($2::bigint[])", [projectId, ids]);
}

/** Insert-unless-present per context, then their ids in input order (autocommit: ids stay valid). */
export async function upsertOtelContextsPg(db: Db, projectId: number, contexts: { hash: string; body: string }[], now: number): Promise<number[]> {
  const hashes = contexts.map((c) => c.hash);
  await pgRows(
    db,
    `INSERT INTO otel_context (project_id, hash, body, created_at)
     SELECT $1, h, b, $4 FROM unnest($2::text[], $3::text[]) AS t(h, b) ORDER BY h
     ON CONFLICT (project_id, hash) DO NOTHING`,
    [projectId, hashes, contexts.map((c) => c.body), now],
  );
  const rows = await pgRows<{ id: number; hash: string }>(db, "SELECT id, hash FROM otel_context WHERE project_id = $1 AND hash = ANY($2::text[])", [
    projectId,
    hashes,
  ]);
  const byHash = new Map(rows.map((r) => [r.hash, r.id]));
  return hashes.map((h) => byHash.get(h)!);
}
