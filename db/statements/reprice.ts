import type { Db } from "@/db/client";
import { memo } from "@/db/client";
import { sqliteOf } from "@/db/driver";
import { repriceStatementsPg } from "./pg/spend";

export interface RepriceScan {
  projectId: number;
  /** Exclusive lower key (the job's cursor), exclusive upper key. */
  lo: number;
  hi: number;
  from: number;
  to: number;
  modelId: number | null;
  limit: number;
}

export interface RepriceRow {
  id: number;
  ts: number;
  received_at: number;
  model_id: number;
  model_version_id: number | null;
  prompt_id: number | null;
  prompt_version_id: number | null;
  input_tokens: number | null;
  output_tokens: number | null;
  cache_read_tokens: number | null;
  cache_write_tokens: number | null;
  reasoning_tokens: number | null;
  cost_usd: number | null;
  cost_reported: number | null;
  unpriced: number | null;
  cost_input_usd: number | null;
  cost_cache_read_usd: number | null;
  cost_cache_write_usd: number | null;
  cost_output_usd: number | null;
  cost_reasoning_usd: number | null;
  body: string;
}

/**
 * The cost columns re-pricing rewrites, in `updateCost` order, then the event's key: its id and
 * project (on PostgreSQL an id is unique per project only, docs/adr/0048).
 */
export type CostValues = [
  costUsd: number | null, unpriced: number | null, input: number | null, cacheRead: number | null, cacheWrite: number | null,
  output: number | null, reasoning: number | null, id: number, projectId: number,
];

/** What a rollup row moves by, then its key (`addCost` order). */
export type CostDelta = [
  costUsd: number, input: number, cacheRead: number, cacheWrite: number, output: number, reasoning: number, unpriced: number,
  projectId: number, resolution: number, bucket: number, kind: number, modelId: number, modelVersionId: number, promptId: number,
  promptVersionId: number,
];

/**
 * Prepared statements of the re-pricing batch (lib/pricing/reprice-batch.ts): it rewrites up
 * to a thousand events and a few hundred rollup rows per transaction while ingest waits for
 * the lock, so per-row statements are prepared once, as on the ingest path (docs/adr/0002).
 */
export interface RepriceStatements {
  scan: { all(f: RepriceScan): RepriceRow[] | Promise<RepriceRow[]> };
  updateCost: { run(...v: CostValues): unknown };
  addCost: { run(...d: CostDelta): unknown };
}

/**
 * Call with the batch's transaction handle and await every result: synchronous on SQLite,
 * asynchronous on PostgreSQL (bound to that handle, so never memoised — the memo map is shared
 * by a database's handles).
 */
export function repriceStatements(db: Db): RepriceStatements {
  return db.dialect === "postgres" ? repriceStatementsPg(db) : repriceStatementsSqlite(db);
}

function repriceStatementsSqlite(db: Db) {
  return memo(db, "repriceStatements", () => {
    const s = sqliteOf(db);
    return {
      // `+project_id`: walk the time-ordered key, not the (project, client id) index.
      scan: s.prepare<[RepriceScan], RepriceRow>(
        `SELECT id, ts, received_at, model_id, model_version_id, prompt_id, prompt_version_id, input_tokens, output_tokens,
          cache_read_tokens, cache_write_tokens, reasoning_tokens, cost_usd, cost_reported, unpriced, cost_input_usd,
          cost_cache_read_usd, cost_cache_write_usd, cost_output_usd, cost_reasoning_usd, body
         FROM event
         WHERE id > @lo AND id < @hi AND +project_id = @projectId AND type = 'llm' AND ts >= @from AND ts < @to
          AND model_id IS NOT NULL AND (@modelId IS NULL OR model_id = @modelId)
         ORDER BY id LIMIT @limit`,
      ),
      updateCost: s.prepare<CostValues>(
        `UPDATE event SET cost_usd = ?, unpriced = ?, cost_input_usd = ?, cost_cache_read_usd = ?, cost_cache_write_usd = ?,
          cost_output_usd = ?, cost_reasoning_usd = ? WHERE id = ? AND project_id = ?`,
      ),
      addCost: s.prepare<CostDelta>(
        `UPDATE rollup SET cost_usd = cost_usd + ?, cost_input_usd = cost_input_usd + ?, cost_cache_read_usd = cost_cache_read_usd + ?,
          cost_cache_write_usd = cost_cache_write_usd + ?, cost_output_usd = cost_output_usd + ?,
          cost_reasoning_usd = cost_reasoning_usd + ?, unpriced_count = unpriced_count + ?
         WHERE project_id = ? AND resolution = ? AND bucket = ? AND kind = ? AND model_id = ? AND model_version_id = ?
          AND prompt_id = ? AND prompt_version_id = ?`,
      ),
    };
  });
}
