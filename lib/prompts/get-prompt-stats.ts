import { authorize, type ServiceContext } from "@/lib/services/context";
import { rollupRange, type Interval } from "@/lib/time/ranges";
import { Aggregate, type AggregateMetrics } from "@/lib/metrics/aggregate";
import { loadDimensionNames } from "@/lib/metrics/dimension-names";
import { readRollupsCovering } from "@/lib/metrics/read-covering";
import { KIND_LLM } from "@/lib/ingest/rollup-accumulator";
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
export async function getPromptStats(
  ctx: ServiceContext,
  input: { key: string; from: number; to: number; a?: number; b?: number },
): Promise<PromptStats> {
  authorize(ctx, "telemetry:read");
  const { db, projectId } = ctx;
  const p = await requirePromptRow(db, projectId, input.key);
  const r = rollupRange(input.from, input.to, input.to - input.from <= 6 * 3_600_000 ? "1m" : "1h");
  const names = await loadDimensionNames(db, projectId);
  const versions = [...names.promptVersionOwner].filter(([, owner]) => owner === p.id).map(([id]) => names.promptVersions.get(id)!);
  const aggs = new Map<number, Aggregate>(versions.sort((a, b) => b - a).map((v) => [v, new Aggregate()]));
  const rows = await readRollupsCovering(db, { projectId, from: input.from, to: input.to, kind: KIND_LLM, promptId: p.id, withPrompt: true }, ctx.now());
  for (const row of rows) {
    const version = names.promptVersions.get(row.prompt_version_id);
    if (version === undefined) continue; // calls that named the prompt but no version
    aggs.get(version)?.add(row);
  }
  const stats = [...aggs].map(([version, agg]): PromptVersionStats => {
    const m = agg.metrics();
    return { version, ...m, costPerCall: m.count > 0 ? m.costUsd / m.count : null };
  });

  let comparison: VersionComparison | null = null;
  if (input.a !== undefined && input.b !== undefined) {
    comparison = compareAggregates(`v${input.a}`, aggs.get(input.a) ?? new Aggregate(), `v${input.b}`, aggs.get(input.b) ?? new Aggregate());
  }
  return { window: { from: input.from, to: input.to, interval: r.interval }, versions: stats, comparison };
}
