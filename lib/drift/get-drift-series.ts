import { and, asc, eq, gte, like, lt } from "drizzle-orm";
import { z } from "zod";
import { driftPoint, metricPoint } from "@/db/schema";
import { instantParam, resolveRange } from "@/lib/time/ranges";
import { requireModel } from "@/lib/models/find-model";
import { authorize, type ServiceContext } from "@/lib/services/context";
import { DATASET_FEATURE } from "./compute-drift-windows";

export const driftSeriesQuerySchema = z
  .object({
    from: instantParam.optional(),
    to: instantParam.optional(),
    resolution: z.enum(["1h", "1d"]).default("1h"),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from < q.to, { message: "from must be before to", path: ["from"] });
export type DriftSeriesQuery = z.output<typeof driftSeriesQuerySchema>;

const RESOLUTION_MS = { "1h": 3_600_000, "1d": 86_400_000 } as const;

const point = z.object({ t: z.string(), value: z.number().nullable(), drifted: z.boolean() });
export const driftSeriesSchema = z.object({
  model: z.string(),
  resolution: z.enum(["1h", "1d"]),
  /** Computed by the scheduler: the dataset's drift share per window. */
  driftShare: z.array(point),
  /** Computed per feature: the method's statistic per window. */
  features: z.array(z.object({ name: z.string(), method: z.string(), points: z.array(point) })),
  /** Client-reported metrics named drift.* (type "metric"), as sent. */
  reported: z.array(z.object({ name: z.string(), feature: z.string().nullable(), points: z.array(z.object({ t: z.string(), value: z.number() })) })),
});
export type DriftSeries = z.output<typeof driftSeriesSchema>;

/** A point of an alertable drift series (epoch ms). */
export interface DriftMetricPoint {
  ts: number;
  value: number;
  drifted: boolean;
  /** Predictions in the window's current side (the alerts' minimum-sample guard reads it). */
  samples: number;
}

/**
 * The alertable drift metrics of a model, from the stored windows: `drift_share` (the dataset's
 * share of drifted features) or `feature_drift` (one feature's statistic; `drifted` says whether
 * it crossed its method's threshold). For the alerts evaluator; no permission check, like other
 * job-side reads — callers pass a project they already resolved.
 */
export async function driftMetricSeries(
  ctx: Pick<ServiceContext, "db" | "projectId">,
  input: { modelId: number; metric: "drift_share" | "feature_drift"; feature?: string; resolutionMs: number; from: number; to: number },
): Promise<DriftMetricPoint[]> {
  const feature = input.metric === "drift_share" ? DATASET_FEATURE : (input.feature ?? "");
  const rows = await ctx.db.orm
    .select({ bucket: driftPoint.bucket, statistic: driftPoint.statistic, drifted: driftPoint.drifted, currentCount: driftPoint.currentCount })
    .from(driftPoint)
    .where(
      and(
        eq(driftPoint.projectId, ctx.projectId),
        eq(driftPoint.modelId, input.modelId),
        eq(driftPoint.resolution, input.resolutionMs),
        eq(driftPoint.feature, feature),
        gte(driftPoint.bucket, input.from),
        lt(driftPoint.bucket, input.to),
      ),
    )
    .orderBy(asc(driftPoint.bucket));
  return rows.flatMap((r) => (r.statistic === null ? [] : [{ ts: r.bucket, value: r.statistic, drifted: r.drifted === 1, samples: r.currentCount }]));
}

/** Drift over time for the model page: computed share and per-feature statistics, with client-reported drift.* metrics beside them. */
export async function getDriftSeries(ctx: ServiceContext, q: DriftSeriesQuery & { model: string }): Promise<DriftSeries> {
  authorize(ctx, "telemetry:read");
  const m = await requireModel(ctx.db, ctx.projectId, q.model);
  const { from, to } = resolveRange(q, ctx.now());
  const resolution = RESOLUTION_MS[q.resolution];
  const rows = await ctx.db.orm
    .select()
    .from(driftPoint)
    .where(and(eq(driftPoint.projectId, ctx.projectId), eq(driftPoint.modelId, m.id), eq(driftPoint.resolution, resolution), gte(driftPoint.bucket, from - (from % resolution)), lt(driftPoint.bucket, to)))
    .orderBy(asc(driftPoint.bucket));
  const iso = (ms: number) => new Date(ms).toISOString();
  const features = new Map<string, DriftSeries["features"][number]>();
  const driftShare: DriftSeries["driftShare"] = [];
  for (const r of rows) {
    const p = { t: iso(r.bucket), value: r.statistic, drifted: r.drifted === 1 };
    if (r.feature === DATASET_FEATURE) {
      if (r.statistic !== null) driftShare.push(p);
    }
    else {
      const f = features.get(r.feature) ?? { name: r.feature, method: r.method, points: [] };
      f.points.push(p);
      features.set(r.feature, f);
    }
  }
  const reportedRows = await ctx.db.orm
    .select({ name: metricPoint.name, feature: metricPoint.feature, value: metricPoint.value, ts: metricPoint.ts })
    .from(metricPoint)
    .where(and(eq(metricPoint.projectId, ctx.projectId), eq(metricPoint.modelId, m.id), like(metricPoint.name, "drift.%"), gte(metricPoint.ts, from), lt(metricPoint.ts, to)))
    .orderBy(asc(metricPoint.ts));
  const reported = new Map<string, DriftSeries["reported"][number]>();
  for (const r of reportedRows) {
    const key = `${r.name}\u0000${r.feature ?? ""}`;
    const s = reported.get(key) ?? { name: r.name, feature: r.feature, points: [] };
    s.points.push({ t: iso(r.ts), value: r.value });
    reported.set(key, s);
  }
  return { model: m.name, resolution: q.resolution, driftShare, features: [...features.values()], reported: [...reported.values()] };
}
