import type { Db } from "@/db/client";
import { driftStatusOf, healthOf, type Health } from "@/lib/charts/health";
import { rollupRange } from "@/lib/dashboard/rollup-resolution";
import type { Interval } from "@/lib/dashboard/time-range";
import { addSlice, emptyAggregate, toMetrics, type Aggregate, type AggregateMetrics, type RollupSlice } from "./aggregate";

export interface FleetRow extends AggregateMetrics {
  /** Model name or prompt key: the id used in URLs and API filters. */
  key: string;
  name: string;
  kind: "llm" | "ml" | "prompt";
  /** Requests per bucket over the window, oldest first. */
  sparkline: number[];
  driftStatus: "ok" | "warn" | "bad" | null;
  maxPsi: number | null;
  accuracy: number | null;
  health: Health;
}

export interface FleetOverview {
  window: { from: number; to: number; interval: Interval };
  models: FleetRow[];
  prompts: FleetRow[];
}

const SIGNAL_LOOKBACK_MS = 7 * 86_400_000;

interface Row extends RollupSlice {
  bucket: number;
  model_id: number;
  prompt_id: number;
}

/**
 * One health row per model and per prompt for the window, from the rollups only: totals,
 * merged latency sketches for p50/p95/p99, requests per bucket for the sparkline, and for ML
 * models the latest client-reported drift (PSI) and accuracy.
 */
export function getFleetOverview(db: Db, input: { projectId: number; from: number; to: number; interval?: Interval }): FleetOverview {
  const { projectId, from, to } = input;
  const r = rollupRange(from, to, input.interval);
  const nBuckets = Math.floor((r.lastBucket - r.firstBucket) / r.resolution) + 1;

  const rows = db.sqlite
    .prepare<[number, number, number, number], Row>(
      `SELECT bucket, model_id, prompt_id, count, error_count, input_tokens, output_tokens, cost_usd,
              unpriced_count, flagged_count, judged_count, latency_sketch
         FROM rollup WHERE project_id = ? AND resolution = ? AND bucket BETWEEN ? AND ?`,
    )
    .all(projectId, r.resolution, r.firstBucket, r.lastBucket);

  const models = db.sqlite
    .prepare<[number], { id: number; name: string; kind: "llm" | "ml" }>("SELECT id, name, kind FROM model WHERE project_id = ?")
    .all(projectId);
  const prompts = db.sqlite
    .prepare<[number], { id: number; key: string; name: string | null }>("SELECT id, key, name FROM prompt WHERE project_id = ?")
    .all(projectId);

  const byModel = new Map<number, { agg: Aggregate; spark: number[] }>();
  const byPrompt = new Map<number, { agg: Aggregate; spark: number[] }>();
  const slot = (m: Map<number, { agg: Aggregate; spark: number[] }>, id: number) => {
    let s = m.get(id);
    if (!s) m.set(id, (s = { agg: emptyAggregate(), spark: new Array(nBuckets).fill(0) }));
    return s;
  };
  for (const row of rows) {
    const i = Math.floor((row.bucket - r.firstBucket) / r.resolution);
    const m = slot(byModel, row.model_id);
    addSlice(m.agg, row);
    m.spark[i] += row.count;
    if (row.prompt_id) {
      const p = slot(byPrompt, row.prompt_id);
      addSlice(p.agg, row);
      p.spark[i] += row.count;
    }
  }

  const ml = mlSignals(db, projectId, Math.min(from, to - SIGNAL_LOOKBACK_MS), to);
  const build = (key: string, name: string, kind: FleetRow["kind"], s: { agg: Aggregate; spark: number[] } | undefined, id: number): FleetRow => {
    const metrics = toMetrics(s?.agg ?? emptyAggregate());
    const signals = kind === "ml" ? ml.get(id) : undefined;
    const driftStatus = driftStatusOf(signals?.maxPsi ?? null);
    return {
      key,
      name,
      kind,
      ...metrics,
      sparkline: s?.spark ?? new Array(nBuckets).fill(0),
      driftStatus,
      maxPsi: signals?.maxPsi ?? null,
      accuracy: signals?.accuracy ?? null,
      health: healthOf({ count: metrics.count, errorRate: metrics.errorRate, hallucinationRate: metrics.hallucinationRate, driftStatus }),
    };
  };

  return {
    window: { from, to, interval: r.interval },
    models: models.map((m) => build(m.name, m.name, m.kind, byModel.get(m.id), m.id)).sort((a, b) => b.count - a.count),
    prompts: prompts.map((p) => build(p.key, p.name ?? p.key, "prompt", byPrompt.get(p.id), p.id)).sort((a, b) => b.count - a.count),
  };
}

/**
 * Latest PSI per feature (max across features) and latest accuracy per model, as of `to`.
 * These arrive daily or less, so look back a week rather than only inside the window.
 */
function mlSignals(db: Db, projectId: number, from: number, to: number) {
  const points = db.sqlite
    .prepare<[number, number, number], { model_id: number; name: string; feature: string | null; value: number }>(
      `SELECT model_id, name, feature, value FROM metric_point
        WHERE project_id = ? AND ts BETWEEN ? AND ? AND (name = 'accuracy' OR name LIKE 'drift.psi%')
        ORDER BY ts`,
    )
    .all(projectId, from, to);
  const latestPsi = new Map<number, Map<string, number>>();
  const out = new Map<number, { maxPsi: number | null; accuracy: number | null }>();
  for (const p of points) {
    const o = out.get(p.model_id) ?? { maxPsi: null, accuracy: null };
    out.set(p.model_id, o);
    if (p.name === "accuracy") o.accuracy = p.value;
    else {
      const f = latestPsi.get(p.model_id) ?? new Map<string, number>();
      latestPsi.set(p.model_id, f);
      f.set(p.feature ?? "", p.value);
    }
  }
  for (const [modelId, features] of latestPsi) out.get(modelId)!.maxPsi = Math.max(...features.values());
  return out;
}
