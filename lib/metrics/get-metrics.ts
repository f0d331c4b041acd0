import { z } from "zod";
import { authorize, type ServiceContext } from "@/lib/services/context";
import { Aggregate, roundUsd, type LatencyQuantiles } from "./aggregate";
import { loadDimensionNames } from "./dimension-names";
import { dimensionFilterParams, resolveDimensionFilter } from "./filters";
import { readRollupsCovering } from "./read-covering";
import { rangeIsOrdered, resolveRange, timeRangeParams } from "@/lib/time/ranges";
import { KIND_LLM } from "@/lib/ingest/rollup-accumulator";
import type { CostKind } from "@/lib/pricing/compute-cost";

export const GROUP_BY = ["model", "modelVersion", "prompt", "promptVersion"] as const;

export const metricsQuerySchema = z
  .object({
    groupBy: z.enum(GROUP_BY).default("model"),
    ...timeRangeParams,
    model: dimensionFilterParams.model,
    promptId: dimensionFilterParams.promptId,
  })
  .refine(rangeIsOrdered, { message: "from must be before to", path: ["from"] });

export type MetricsQuery = z.output<typeof metricsQuerySchema>;

export interface MetricsGroup {
  model: string;
  kind: "llm" | "ml";
  modelVersion?: string | null;
  promptId?: string;
  promptVersion?: number | null;
  count: number;
  errorRate: number | null;
  latencyMs: LatencyQuantiles;
  inputTokens?: number;
  outputTokens?: number;
  costUsd?: number;
  unpricedCount?: number;
  hallucinationRate?: number | null;
  flaggedCount?: number;
  cacheReadTokens?: number;
  cacheWriteTokens?: number;
  reasoningTokens?: number;
  cacheHitRate?: number | null;
  costByKind?: Record<CostKind, number>;
  bookCostUsd?: number;
}

/**
 * Health per model / model version / prompt / prompt version over a time range, answered
 * from rollups (never raw events): a bounded number of buckets per group whatever the volume.
 */
export async function getMetrics(ctx: ServiceContext, q: MetricsQuery): Promise<{ groups: MetricsGroup[] }> {
  authorize(ctx, "telemetry:read");
  const { db, projectId } = ctx;
  const now = ctx.now();
  const { from, to } = resolveRange(q, now);
  const names = await loadDimensionNames(db, projectId);
  const ids = resolveDimensionFilter(names, { model: q.model, promptId: q.promptId });
  if (!ids) return { groups: [] };
  const byPrompt = q.groupBy === "prompt" || q.groupBy === "promptVersion";
  const groups = new Map<string, { key: Omit<MetricsGroup, "count" | "errorRate" | "latencyMs">; kind: number; agg: Aggregate }>();
  const rows = await readRollupsCovering(db, { projectId, from, to, kind: byPrompt ? KIND_LLM : null, modelId: ids.modelId, promptId: ids.promptId, withPrompt: byPrompt }, now);
  for (const r of rows) {
    const model = names.models.get(r.model_id);
    if (!model) continue;
    const k = groupKey(q.groupBy, r);
    let g = groups.get(k);
    if (!g) {
      const key: Omit<MetricsGroup, "count" | "errorRate" | "latencyMs"> = { model: model.name, kind: model.kind };
      if (q.groupBy === "modelVersion") key.modelVersion = names.modelVersions.get(r.model_version_id) ?? null;
      if (byPrompt) key.promptId = names.prompts.get(r.prompt_id) ?? String(r.prompt_id);
      if (q.groupBy === "promptVersion") key.promptVersion = names.promptVersions.get(r.prompt_version_id) ?? null;
      g = { key, kind: r.kind, agg: new Aggregate() };
      groups.set(k, g);
    }
    g.agg.add(r);
  }
  return { groups: [...groups.values()].map(({ key, kind, agg }) => toGroup(key, kind, agg)).sort(byName) };
}

function groupKey(groupBy: MetricsQuery["groupBy"], r: { kind: number; model_id: number; model_version_id: number; prompt_id: number; prompt_version_id: number }): string {
  switch (groupBy) {
    case "model":
      return `${r.kind}|${r.model_id}`;
    case "modelVersion":
      return `${r.kind}|${r.model_id}|${r.model_version_id}`;
    case "prompt":
      return `${r.model_id}|${r.prompt_id}`;
    case "promptVersion":
      return `${r.model_id}|${r.prompt_id}|${r.prompt_version_id}`;
  }
}

function toGroup(key: Omit<MetricsGroup, "count" | "errorRate" | "latencyMs">, kind: number, a: Aggregate): MetricsGroup {
  const base = { ...key, count: a.count, errorRate: a.errorRate(), latencyMs: a.latency() };
  if (kind !== KIND_LLM) return base;
  return {
    ...base, inputTokens: a.inputTokens, outputTokens: a.outputTokens, costUsd: roundUsd(a.costUsd),
    unpricedCount: a.unpricedCount, hallucinationRate: a.hallucinationRate(), flaggedCount: a.flaggedCount,
    cacheReadTokens: a.cacheReadTokens, cacheWriteTokens: a.cacheWriteTokens, reasoningTokens: a.reasoningTokens,
    cacheHitRate: a.cacheHitRate(), costByKind: a.costByKind(), bookCostUsd: a.bookCostUsd(),
  };
}

function byName(a: MetricsGroup, b: MetricsGroup): number {
  return (
    a.model.localeCompare(b.model) ||
    String(a.modelVersion ?? "").localeCompare(String(b.modelVersion ?? "")) ||
    String(a.promptId ?? "").localeCompare(String(b.promptId ?? "")) ||
    (a.promptVersion ?? 0) - (b.promptVersion ?? 0)
  );
}
