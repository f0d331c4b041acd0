import { and, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { event, zeroMeasures } from "@/db/schema";
import type { GroupBy, RuleScope } from "@/lib/alerts/rules/rule-schema";
import { KEY_LAG_MS, keyFloor } from "@/lib/ingest/event-id";
import { Aggregate } from "@/lib/metrics/aggregate";
import { loadDimensionNames, type DimensionNames } from "@/lib/metrics/dimension-names";
import { resolveDimensionFilter } from "@/lib/metrics/filters";
import { readRollupsCovering } from "@/lib/metrics/read-covering";
import type { MetricQuery } from "./metric-source";

/** One group's running totals, and the labels that name it. */
export interface GroupTotals {
  key: string;
  labels: Record<string, string>;
  agg: Aggregate;
}

interface Dims {
  model_id: number | null;
  model_version_id: number | null;
  prompt_id: number | null;
  prompt_version_id: number | null;
  user_id?: string | null;
}

/**
 * Totals per group for a window, shared by every telemetry metric family. Scopes and groups the
 * rollups carry (model, model version, prompt, prompt version) read rollups through
 * lib/metrics, like every other range total; environment, user and per-user groups are not
 * rollup dimensions, so those rules read the window's events instead (windows are ≤ 24 h).
 * The busiest `maxGroups` groups are kept.
 */
export async function readTotals(db: Db, q: MetricQuery, withLatency: boolean): Promise<GroupTotals[]> {
  const names = await loadDimensionNames(db, q.projectId);
  const ids = resolveDimensionFilter(names, { model: q.scope.model, modelVersion: q.scope.modelVersion, promptId: q.scope.promptId, promptVersion: q.scope.promptVersion });
  if (!ids) return [];
  const groups = new Map<string, GroupTotals>();
  const groupOf = (r: Dims): GroupTotals => {
    const { key, labels } = groupLabels(q.groupBy, r, names);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, labels, agg: new Aggregate(withLatency) }));
    return g;
  };
  const needsEvents = q.scope.environment !== undefined || q.scope.userId !== undefined || q.groupBy === "user";
  const byPrompt = q.groupBy === "prompt" || q.groupBy === "promptVersion";
  if (!needsEvents) {
    const rows = await readRollupsCovering(db, { projectId: q.projectId, from: q.from, to: q.to, ...ids, withPrompt: byPrompt }, q.now);
    for (const r of rows) groupOf(r).agg.add(r);
  } else {
    const conds = [
      eq(event.projectId, q.projectId), inArray(event.type, ["llm", "prediction"]),
      // The key range first (it is the primary key), then the exact timestamps.
      gte(event.id, keyFloor(q.from)), lt(event.id, keyFloor(q.to + KEY_LAG_MS)), gte(event.ts, q.from), lt(event.ts, q.to),
    ];
    if (q.scope.environment !== undefined) conds.push(eq(event.environment, q.scope.environment));
    if (q.scope.userId !== undefined) conds.push(eq(event.userId, q.scope.userId));
    if (ids.modelId !== null) conds.push(eq(event.modelId, ids.modelId));
    if (ids.modelVersionId !== null) conds.push(eq(event.modelVersionId, ids.modelVersionId));
    if (ids.promptId !== null) conds.push(eq(event.promptId, ids.promptId));
    if (ids.promptVersionId !== null) conds.push(eq(event.promptVersionId, ids.promptVersionId));
    if (byPrompt) conds.push(sql`${event.promptId} IS NOT NULL`);
    const rows = await db.orm
      .select({
        model_id: event.modelId, model_version_id: event.modelVersionId, prompt_id: event.promptId, prompt_version_id: event.promptVersionId,
        user_id: event.userId, status: event.status, latency: event.latencyMs, input_tokens: event.inputTokens, output_tokens: event.outputTokens,
        cost_usd: event.costUsd, unpriced: event.unpriced, flagged: event.flagged,
      })
      .from(event)
      .where(and(...conds));
    for (const r of rows) {
      const g = groupOf(r);
      const hasLatency = r.latency !== null && r.latency >= 0;
      // Only the measures alert metrics read come from the event; the others stay zero.
      const m = zeroMeasures();
      Object.assign(m, {
        count: 1, errorCount: r.status === "error" ? 1 : 0, latencyCount: hasLatency ? 1 : 0, latencySum: hasLatency ? r.latency! : 0,
        inputTokens: r.input_tokens ?? 0, outputTokens: r.output_tokens ?? 0, costUsd: r.cost_usd ?? 0, unpricedCount: r.unpriced === 1 ? 1 : 0,
        flaggedCount: r.flagged === 1 ? 1 : 0, judgedCount: r.flagged === null ? 0 : 1,
      });
      g.agg.add({ ...m, latency_sketch: null });
      if (withLatency && hasLatency) g.agg.sketch.accept(r.latency!);
    }
  }
  return [...groups.values()].sort((a, b) => b.agg.count - a.agg.count || a.key.localeCompare(b.key)).slice(0, q.maxGroups);
}

function groupLabels(groupBy: GroupBy | null, r: Dims, names: DimensionNames): { key: string; labels: Record<string, string> } {
  const model = () => names.models.get(r.model_id ?? 0)?.name ?? "unknown";
  const prompt = () => names.prompts.get(r.prompt_id ?? 0) ?? "none";
  switch (groupBy) {
    case null:
      return { key: "", labels: {} };
    case "model":
      return labelled({ model: model() });
    case "modelVersion":
      return labelled({ model: model(), modelVersion: names.modelVersions.get(r.model_version_id ?? 0) ?? "none" });
    case "prompt":
      return labelled({ prompt: prompt() });
    case "promptVersion":
      return labelled({ prompt: prompt(), promptVersion: String(names.promptVersions.get(r.prompt_version_id ?? 0) ?? "none") });
    case "user":
      return labelled({ user: r.user_id ?? "anonymous" });
  }
}

function labelled(labels: Record<string, string>): { key: string; labels: Record<string, string> } {
  return { key: Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(","), labels };
}
