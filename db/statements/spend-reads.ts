import type { Db } from "@/db/client";
import { memo } from "@/db/client";
import { sqliteOf } from "@/db/driver";
import { readSpendByPg, readSpendOfPg, readSpendTotalPg } from "./pg/spend";

import type { SpendDimension } from "@/lib/spend/dimensions";

export interface SpendFilter {
  projectId: number;
  /** Key range [lo, hi) of the time range (lib/ingest/event-id.ts). */
  lo: number;
  hi: number;
  from: number;
  to: number;
  modelId: number | null;
  limit: number;
}

export interface SpendRow {
  k: string | null;
  calls: number;
  cost_usd: number;
  input_tokens: number;
  output_tokens: number;
  cache_read_tokens: number;
  unpriced: number;
}

// Columns qualified with `e.`: json_each's own columns (id, key, value…) would shadow them.
const MEASURES = `count(*) AS calls, coalesce(sum(e.cost_usd), 0) AS cost_usd, coalesce(sum(e.input_tokens), 0) AS input_tokens,
  coalesce(sum(e.output_tokens), 0) AS output_tokens, coalesce(sum(e.cache_read_tokens), 0) AS cache_read_tokens,
  coalesce(sum(e.unpriced), 0) AS unpriced`;
const WHERE = `e.id >= @lo AND e.id < @hi AND +e.project_id = @projectId AND e.type = 'llm' AND e.ts >= @from AND e.ts < @to
  AND (@modelId IS NULL OR e.model_id = @modelId)`;
const COLUMN: Record<Exclude<SpendDimension, "tag">, string> = { user: "e.user_id", session: "e.session_id", environment: "e.environment" };

/**
 * LLM spend per end user, session, environment or tag over a time range, most expensive first.
 * These dimensions are not in the rollups (their cardinality is unbounded), so this scans the
 * range's events by key — the caller bounds the range. Tags live in the JSON body (json_each).
 */
export async function readSpendBy(db: Db, by: SpendDimension, f: SpendFilter): Promise<SpendRow[]> {
  if (db.dialect === "postgres") return readSpendByPg(db, by, f);
  const stmt = memo(db, `readSpendBy:${by}`, () =>
    sqliteOf(db).prepare<[SpendFilter], SpendRow>(
      by === "tag"
        ? `SELECT t.value AS k, ${MEASURES} FROM event AS e, json_each(e.body, '$.tags') AS t
           WHERE ${WHERE} GROUP BY t.value ORDER BY cost_usd DESC, calls DESC LIMIT @limit`
        : `SELECT ${COLUMN[by]} AS k, ${MEASURES} FROM event AS e WHERE ${WHERE}
           GROUP BY ${COLUMN[by]} ORDER BY cost_usd DESC, calls DESC LIMIT @limit`,
    ),
  );
  return stmt.all(f);
}

/** The range's LLM totals (the denominator of each spender's share). */
export async function readSpendTotal(db: Db, f: Omit<SpendFilter, "limit">): Promise<SpendRow> {
  if (db.dialect === "postgres") return readSpendTotalPg(db, f);
  const stmt = memo(db, "readSpendTotal", () =>
    sqliteOf(db).prepare<[Omit<SpendFilter, "limit">], SpendRow>(`SELECT NULL AS k, ${MEASURES} FROM event AS e WHERE ${WHERE}`),
  );
  return stmt.get(f)!;
}

/** One end user's or one tag's LLM spend over a range (budgets). */
export async function readSpendOf(db: Db, by: "user" | "tag", key: string, f: Omit<SpendFilter, "limit">): Promise<number> {
  if (db.dialect === "postgres") return readSpendOfPg(db, by, key, f);
  const stmt = memo(db, `readSpendOf:${by}`, () =>
    sqliteOf(db).prepare<[Omit<SpendFilter, "limit"> & { key: string }], { cost_usd: number }>(
      by === "tag"
        ? `SELECT coalesce(sum(e.cost_usd), 0) AS cost_usd FROM event AS e
           WHERE ${WHERE} AND EXISTS (SELECT 1 FROM json_each(e.body, '$.tags') AS t WHERE t.value = @key)`
        : `SELECT coalesce(sum(e.cost_usd), 0) AS cost_usd FROM event AS e WHERE ${WHERE} AND e.user_id = @key`,
    ),
  );
  return stmt.get({ ...f, key })!.cost_usd;
}
