import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { model } from "@/db/schema";
import { driftMetricSeries } from "@/lib/drift/get-drift-series";
import type { MetricQuery, MetricReading, MetricSource } from "./metric-source";

/** Drift is stored per hour and per day by the scheduler; rules read the hourly windows, the fresher. */
const HOUR = 3_600_000;

/**
 * The latest stored hourly drift window that ended inside the rule's window. Windows shorter than
 * an hour are widened to one, so a 5-minute rule still sees the last completed hour rather than
 * "no data" most of the time. samples = the current side's prediction count of that window.
 * Scope: `model` (or group by model: one reading per ML model).
 */
async function readDrift(db: Db, q: MetricQuery, metric: "drift_share" | "feature_drift"): Promise<MetricReading[]> {
  const models = await db.orm
    .select({ id: model.id, name: model.name })
    .from(model)
    .where(and(eq(model.projectId, q.projectId), eq(model.kind, "ml"), q.scope.model === undefined ? undefined : eq(model.name, q.scope.model)));
  const from = Math.min(q.from, q.to - HOUR);
  const out: MetricReading[] = [];
  for (const m of models) {
    // Bucket starts: a window [b, b + 1 h) ended inside (from, to] when from - 1 h < b <= to - 1 h.
    const points = await driftMetricSeries({ db, projectId: q.projectId }, { modelId: m.id, metric, feature: q.scope.feature, resolutionMs: HOUR, from: from - HOUR + 1, to: q.to - HOUR + 1 });
    const last = points.at(-1);
    if (!last) continue;
    out.push({ key: q.groupBy === "model" ? `model=${m.name}` : "", labels: q.groupBy === "model" ? { model: m.name } : {}, value: last.value, samples: last.samples });
  }
  // Ungrouped without a model: the worst model speaks for the project.
  if (q.groupBy === null && out.length > 1) return [out.reduce((a, b) => ((b.value ?? -Infinity) > (a.value ?? -Infinity) ? b : a))];
  return out.sort((a, b) => b.samples - a.samples || a.key.localeCompare(b.key)).slice(0, q.maxGroups);
}

export const driftShare: MetricSource = {
  name: "drift_share",
  label: "Drift share (drifted features)",
  unit: "ratio",
  supports: { scope: ["model"], groupBy: ["model"] },
  read: (db, q) => readDrift(db, q, "drift_share"),
};

/**
 * One feature's drift statistic as stored and charted: the method's statistic (KS D, chi-square,
 * Z, normed Wasserstein, Jensen-Shannon distance), not its p-value; thresholds are in its units.
 */
export const featureDrift: MetricSource = {
  name: "feature_drift",
  label: "Feature drift statistic",
  unit: "score",
  supports: { scope: ["model", "feature"], groupBy: ["model"] },
  read: (db, q) => readDrift(db, q, "feature_drift"),
};
