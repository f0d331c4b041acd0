import type { Db } from "@/db/client";
import { authorize, type ServiceContext } from "@/lib/services/context";
import { driftStatusOf, healthOf, type Health } from "@/lib/health/health";
import { rollupRange, type Interval } from "@/lib/time/ranges";
import { readModelSignals } from "@/db/statements/metric-point-reads";
import { readRollupCounts } from "@/db/statements/rollup-reads";
import { Aggregate, type AggregateMetrics } from "@/lib/metrics/aggregate";
import { loadDimensionNames } from "@/lib/metrics/dimension-names";
import { readRollupsCovering } from "@/lib/metrics/read-covering";
import { readFleetQuality } from "@/lib/quality/read-fleet-quality";

export interface FleetRow extends AggregateMetrics {
  /** Model name or prompt key: the id used in URLs and API filters. */
  key: string;
  name: string;
  kind: "llm" | "ml" | "prompt";
  /** Requests per bucket over the window, oldest first. */
  sparkline: number[];
  driftStatus: "ok" | "warn" | "bad" | null;
  maxPsi: number | null;
  /** Computed: share of drifted features in the model's latest drift window (lib/drift/). */
  driftShare: number | null;
  /** Computed from labels joined to predictions; the client-reported accuracy when none arrived. */
  accuracy: number | null;
  health: Health;
}

export interface FleetOverview {
  window: { from: number; to: number; interval: Interval };
  models: FleetRow[];
  prompts: FleetRow[];
}

const SIGNAL_LOOKBACK_MS = 7 * 86_400_000;


/**
 * One health row per model and per prompt for the window, from the rollups only: totals,
 * merged latency sketches for p50/p95/p99, requests per bucket for the sparkline, and for ML
 * models the latest client-reported drift (PSI) and accuracy.
 */
export async function getFleetOverview(ctx: ServiceContext, input: { from: number; to: number; interval?: Interval }): Promise<FleetOverview> {
  authorize(ctx, "telemetry:read");
  const { db, projectId } = ctx;
  const { from, to } = input;
  const r = rollupRange(from, to, input.interval);
  const nBuckets = Math.floor((r.lastBucket - r.firstBucket) / r.resolution) + 1;
  const names = await loadDimensionNames(db, projectId);

  // Totals (with merged sketches) over the exact range, as the metrics API computes them.
  const byModel = new Map<number, Aggregate>();
  const byPrompt = new Map<number, Aggregate>();
  const agg = (m: Map<number, Aggregate>, id: number) => m.get(id) ?? m.set(id, new Aggregate()).get(id)!;
  for (const row of await readRollupsCovering(db, { projectId, from, to }, ctx.now())) {
    agg(byModel, row.model_id).add(row);
    if (row.prompt_id) agg(byPrompt, row.prompt_id).add(row);
  }
  // Sparklines: request counts per interval bucket, no sketches needed.
  const sparkModel = new Map<number, number[]>();
  const sparkPrompt = new Map<number, number[]>();
  const spark = (m: Map<number, number[]>, id: number) => m.get(id) ?? m.set(id, new Array(nBuckets).fill(0)).get(id)!;
  for (const row of await readRollupCounts(db, { projectId, resolution: r.resolution, from: r.firstBucket, to: r.lastBucket + 1 })) {
    const i = Math.floor((row.bucket - r.firstBucket) / r.resolution);
    spark(sparkModel, row.model_id)[i] += row.count;
    if (row.prompt_id) spark(sparkPrompt, row.prompt_id)[i] += row.count;
  }

  const ml = await mlSignals(db, projectId, Math.min(from, to - SIGNAL_LOOKBACK_MS), to);
  const quality = await readFleetQuality(db, projectId, Math.min(from, to - SIGNAL_LOOKBACK_MS), to);
  const build = (id: number, key: string, name: string, kind: FleetRow["kind"], a: Aggregate | undefined, line: number[] | undefined): FleetRow => {
    const metrics = (a ?? new Aggregate()).metrics();
    const signals = kind === "ml" ? ml.get(id) : undefined;
    const computed = kind === "ml" ? quality.get(id) : undefined;
    // Computed drift wins; client-reported PSI only speaks for models without computed windows.
    const driftStatus =
      computed?.driftShare != null ? (computed.datasetDrifted ? "bad" : computed.driftShare > 0 ? "warn" : "ok") : driftStatusOf(signals?.maxPsi ?? null);
    return {
      key, name, kind, ...metrics,
      sparkline: line ?? new Array(nBuckets).fill(0),
      driftStatus,
      maxPsi: signals?.maxPsi ?? null,
      driftShare: computed?.driftShare ?? null,
      accuracy: computed?.accuracy ?? signals?.accuracy ?? null,
      health: healthOf({ count: metrics.count, errorRate: metrics.errorRate, hallucinationRate: metrics.hallucinationRate, judgedCount: metrics.judgedCount, driftStatus }),
    };
  };

  return {
    window: { from, to, interval: r.interval },
    models: [...names.models]
      .map(([id, m]) => build(id, m.name, m.name, m.kind, byModel.get(id), sparkModel.get(id)))
      .sort((a, b) => b.count - a.count),
    prompts: [...names.prompts]
      .map(([id, key]) => build(id, key, names.promptNames.get(id) ?? key, "prompt", byPrompt.get(id), sparkPrompt.get(id)))
      .sort((a, b) => b.count - a.count),
  };
}

/**
 * Latest PSI per feature (max across features) and latest accuracy per model, as of `to`.
 * These arrive daily or less, so look back a week rather than only inside the window.
 */
async function mlSignals(db: Db, projectId: number, from: number, to: number) {
  const points = await readModelSignals(db, projectId, from, to);
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
