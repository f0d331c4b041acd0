import type { Db } from "@/db/client";
import { rollupRange } from "@/lib/dashboard/rollup-resolution";
import type { Interval } from "@/lib/dashboard/time-range";
import { addSlice, emptyAggregate, toMetrics, type Aggregate, type AggregateMetrics, type RollupSlice } from "@/lib/overview/aggregate";
import { compareAggregates, type VersionComparison } from "./compare-aggregates";
import { requirePromptRow } from "./get-prompt";

export interface PromptVersionStats extends AggregateMetrics {
  version: number;
  costPerCall: number | null;
}

export interface PromptStats {
  window: { from: number; to: number; interval: Interval };
  versions: PromptVersionStats[];
  comparison: VersionComparison | null;
}

/**
 * Per-version metrics of one prompt from the rollups, and — when two versions are named — the
 * significance tests between them (A = baseline, B = candidate; docs/adr/0010).
 */
export function getPromptStats(
  db: Db,
  input: { projectId: number; key: string; from: number; to: number; a?: number; b?: number },
): PromptStats {
  const p = requirePromptRow(db, input.projectId, input.key);
  // Hour rollups are kept for the whole retention; finer buckets add nothing to totals.
  const r = rollupRange(input.from, input.to, input.to - input.from <= 6 * 3_600_000 ? "1m" : "1h");
  const rows = db.sqlite
    .prepare<[number, number, number, number, number], RollupSlice & { version: number }>(
      `SELECT pv.version AS version, r.count, r.error_count, r.input_tokens, r.output_tokens, r.cost_usd,
              r.unpriced_count, r.flagged_count, r.judged_count, r.latency_sketch
         FROM rollup r JOIN prompt_version pv ON pv.id = r.prompt_version_id
        WHERE r.project_id = ? AND r.resolution = ? AND r.bucket BETWEEN ? AND ? AND r.prompt_id = ? AND r.kind = 1`,
    )
    .all(input.projectId, r.resolution, r.firstBucket, r.lastBucket, p.id);
  const versions = db.sqlite
    .prepare<[number], { version: number }>("SELECT version FROM prompt_version WHERE prompt_id = ? ORDER BY version DESC")
    .all(p.id);

  const aggs = new Map<number, Aggregate>(versions.map((v) => [v.version, emptyAggregate()]));
  for (const row of rows) {
    let a = aggs.get(row.version);
    if (!a) aggs.set(row.version, (a = emptyAggregate()));
    addSlice(a, row);
  }
  const stats = [...aggs].map(([version, agg]): PromptVersionStats => {
    const m = toMetrics(agg);
    return { version, ...m, costPerCall: m.count > 0 ? m.costUsd / m.count : null };
  });

  let comparison: VersionComparison | null = null;
  if (input.a !== undefined && input.b !== undefined) {
    comparison = compareAggregates(`v${input.a}`, aggs.get(input.a) ?? emptyAggregate(), `v${input.b}`, aggs.get(input.b) ?? emptyAggregate());
  }
  return { window: { from: input.from, to: input.to, interval: r.interval }, versions: stats, comparison };
}
