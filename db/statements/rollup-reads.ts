import { sqliteOf } from "@/db/driver";
import type { Db } from "@/db/client";
import { memo } from "@/db/client";
import { readRollupCountsPg, readRollupsPg, readRollupTotalsPg } from "./pg/reads";
import { MEASURE_NAMES, ROLLUP_MEASURES, type Measures } from "@/db/schema/rollup-measures";

/** A rollup row as read: its dimensions, its sketch, and the measures under their TS names. */
export interface RollupReadRow extends Measures {
  bucket: number;
  kind: number;
  model_id: number;
  model_version_id: number;
  prompt_id: number;
  prompt_version_id: number;
  latency_sketch: Buffer | null;
}

/** `error_count AS errorCount, …`, from the one measure list. */
const MEASURES_AS = (wrap: (col: string) => string) =>
  MEASURE_NAMES.map((m) => `${wrap(ROLLUP_MEASURES[m].column)} AS ${m}`).join(", ");

export interface RollupFilter {
  projectId: number;
  resolution: number;
  from: number;
  to: number;
  kind: number | null;
  modelId: number | null;
  modelVersionId: number | null;
  promptId: number | null;
  promptVersionId: number | null;
  /** 1 = only rows attributed to a prompt. */
  withPrompt: 0 | 1;
}

/** The filter of `RollupFilter`, shared by the row and the per-bucket-total reads. Uses the primary key prefix (project, resolution, bucket). */
const ROLLUP_WHERE = `WHERE project_id = @projectId AND resolution = @resolution AND bucket >= @from AND bucket < @to
        AND (@kind IS NULL OR kind = @kind) AND (@modelId IS NULL OR model_id = @modelId)
        AND (@modelVersionId IS NULL OR model_version_id = @modelVersionId)
        AND (@promptId IS NULL OR prompt_id = @promptId)
        AND (@promptVersionId IS NULL OR prompt_version_id = @promptVersionId)
        AND (@withPrompt = 0 OR prompt_id <> 0)`;

/** Rollup rows of one resolution in [from, to). */
export async function readRollups(db: Db, f: RollupFilter): Promise<RollupReadRow[]> {
  if (db.dialect === "postgres") return readRollupsPg(db, f);
  const stmt = memo(db, "readRollups", () =>
    sqliteOf(db).prepare<[RollupFilter], RollupReadRow>(
      `SELECT bucket, kind, model_id, model_version_id, prompt_id, prompt_version_id, latency_sketch, ${MEASURES_AS((c) => c)}
       FROM rollup
       ${ROLLUP_WHERE}`,
    ),
  );
  return stmt.all(f);
}

/** Requests per bucket, model and prompt at one resolution: sparklines, without touching sketches. */
export async function readRollupCounts(db: Db, f: { projectId: number; resolution: number; from: number; to: number }) {
  if (db.dialect === "postgres") return readRollupCountsPg(db, f);
  const stmt = memo(db, "readRollupCounts", () =>
    sqliteOf(db).prepare<[typeof f], { bucket: number; model_id: number; prompt_id: number; count: number }>(
      `SELECT bucket, model_id, prompt_id, sum(count) AS count FROM rollup
       WHERE project_id = @projectId AND resolution = @resolution AND bucket >= @from AND bucket < @to
       GROUP BY bucket, model_id, prompt_id`,
    ),
  );
  return stmt.all(f);
}

/**
 * Per-bucket sums of the rollup measures, aggregated by SQLite: for series that need no
 * percentile. Materialising every (bucket × dimensions) row in JS cost ~150–200 ms for a
 * 24 h series at 1 min (23k rows); summed in SQL it is 1440 rows, ~5 ms (docs/benchmarks.md).
 */
export async function readRollupTotals(db: Db, f: RollupFilter): Promise<RollupReadRow[]> {
  if (db.dialect === "postgres") return readRollupTotalsPg(db, f);
  const stmt = memo(db, "readRollupTotals", () =>
    sqliteOf(db).prepare<[RollupFilter], RollupReadRow>(
      `SELECT bucket, 0 AS kind, 0 AS model_id, 0 AS model_version_id, 0 AS prompt_id, 0 AS prompt_version_id,
        NULL AS latency_sketch, ${MEASURES_AS((c) => `sum(${c})`)}
       FROM rollup
       ${ROLLUP_WHERE}
       GROUP BY bucket`,
    ),
  );
  return stmt.all(f);
}
