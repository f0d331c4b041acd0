import type { Db } from "@/db/client";
import { pgOf, pgRows } from "@/db/pg/driver";
import type { SpendDimension } from "@/lib/spend/dimensions";
import type { SpendFilter, SpendRow } from "../spend-reads";
import type { CostDelta, CostValues, RepriceRow, RepriceScan } from "../reprice";

/**
 * PostgreSQL siblings of db/statements/spend-reads.ts and reprice.ts (same functions, same
 * rows). Tags are the JSON array `body.tags` (jsonb_array_elements_text for SQLite's json_each).
 */
const MEASURES = `count(*) AS calls, coalesce(sum(e.cost_usd), 0) AS cost_usd, coalesce(sum(e.input_tokens), 0) AS input_tokens,
  coalesce(sum(e.output_tokens), 0) AS output_tokens, coalesce(sum(e.cache_read_tokens), 0) AS cache_read_tokens,
  coalesce(sum(e.unpriced), 0) AS unpriced`;
const WHERE = `e.id >= $1 AND e.id < $2 AND e.project_id = $3 AND e.type = 'llm' AND e.ts >= $4 AND e.ts < $5
  AND ($6::bigint IS NULL OR e.model_id = $6)`;
const TAGS = `jsonb_array_elements_text(CASE WHEN jsonb_typeof(e.body::jsonb -> 'tags') = 'array' THEN e.body::jsonb -> 'tags' ELSE '[]'::jsonb END)`;
const COLUMN: Record<Exclude<SpendDimension, "tag">, string> = { user: "e.user_id", session: "e.session_id", environment: "e.environment" };
const params = (f: Omit<SpendFilter, "limit">) => [f.lo, f.hi, f.projectId, f.from, f.to, f.modelId];

export async function readSpendByPg(db: Db, by: SpendDimension, f: SpendFilter): Promise<SpendRow[]> {
  return pgRows<SpendRow>(
    db,
    by === "tag"
      ? `SELECT t.value AS k, ${MEASURES} FROM event AS e CROSS JOIN LATERAL ${TAGS} AS t(value)
         WHERE ${WHERE} GROUP BY t.value ORDER BY cost_usd DESC, calls DESC LIMIT $7`
      : `SELECT ${COLUMN[by]} AS k, ${MEASURES} FROM event AS e WHERE ${WHERE}
         GROUP BY ${COLUMN[by]} ORDER BY cost_usd DESC, calls DESC LIMIT $7`,
    [...params(f), f.limit],
  );
}

export async function readSpendTotalPg(db: Db, f: Omit<SpendFilter, "limit">): Promise<SpendRow> {
  return (await pgRows<SpendRow>(db, `SELECT NULL AS k, ${MEASURES} FROM event AS e WHERE ${WHERE}`, params(f)))[0];
}

export async function readSpendOfPg(db: Db, by: "user" | "tag", key: string, f: Omit<SpendFilter, "limit">): Promise<number> {
  const [r] = await pgRows<{ cost_usd: number }>(
    db,
    by === "tag"
      ? `SELECT coalesce(sum(e.cost_usd), 0) AS cost_usd FROM event AS e
         WHERE ${WHERE} AND EXISTS (SELECT 1 FROM ${TAGS} AS t(value) WHERE t.value = $7)`
      : `SELECT coalesce(sum(e.cost_usd), 0) AS cost_usd FROM event AS e WHERE ${WHERE} AND e.user_id = $7`,
    [...params(f), key],
  );
  return r.cost_usd;
}

/** The re-pricing statements on PostgreSQL, bound to `db` (the batch's transaction handle). */
export function repriceStatementsPg(db: Db) {
  return {
    scan: {
      all: (f: RepriceScan) =>
        pgRows<RepriceRow>(
          db,
          `SELECT id, ts, received_at, model_id, model_version_id, prompt_id, prompt_version_id, input_tokens, output_tokens,
            cache_read_tokens, cache_write_tokens, reasoning_tokens, cost_usd, cost_reported, unpriced, cost_input_usd,
            cost_cache_read_usd, cost_cache_write_usd, cost_output_usd, cost_reasoning_usd, body
           FROM event
           WHERE id > $1 AND id < $2 AND project_id = $3 AND type = 'llm' AND ts >= $4 AND ts < $5
            AND model_id IS NOT NULL AND ($6::bigint IS NULL OR model_id = $6)
           ORDER BY id LIMIT $7`,
          [f.lo, f.hi, f.projectId, f.from, f.to, f.modelId, f.limit],
        ),
    },
    updateCost: {
      run: async (...v: CostValues) => {
        await pgOf(db).query(
          `UPDATE event SET cost_usd = $1, unpriced = $2, cost_input_usd = $3, cost_cache_read_usd = $4, cost_cache_write_usd = $5,
            cost_output_usd = $6, cost_reasoning_usd = $7 WHERE id = $8 AND project_id = $9`,
          v,
        );
      },
    },
    addCost: {
      run: async (...d: CostDelta) => {
        await pgOf(db).query(
          `UPDATE rollup SET cost_usd = cost_usd + $1, cost_input_usd = cost_input_usd + $2, cost_cache_read_usd = cost_cache_read_usd + $3,
            cost_cache_write_usd = cost_cache_write_usd + $4, cost_output_usd = cost_output_usd + $5,
            cost_reasoning_usd = cost_reasoning_usd + $6, unpriced_count = unpriced_count + $7
           WHERE project_id = $8 AND resolution = $9 AND bucket = $10 AND kind = $11 AND model_id = $12 AND model_version_id = $13
            AND prompt_id = $14 AND prompt_version_id = $15
            -- One writer shard of the key takes the delta (reads sum the shards, docs/adr/0049).
            AND writer_shard = (SELECT min(writer_shard) FROM rollup WHERE project_id = $8 AND resolution = $9 AND bucket = $10
              AND kind = $11 AND model_id = $12 AND model_version_id = $13 AND prompt_id = $14 AND prompt_version_id = $15)`,
          d,
        );
      },
    },
  };
}
