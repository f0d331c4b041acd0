import { and, eq, gte, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { DRIFT_RESOLUTIONS, driftPoint, model, prediction } from "@/db/schema";
import { systemContext } from "@/lib/services/context";
import { getDriftReport } from "./get-drift-report";

/** How far back the job fills missing windows: a day of hours, a week of days. */
const LOOKBACK_BUCKETS: Record<(typeof DRIFT_RESOLUTIONS)[number], number> = { 3_600_000: 24, 86_400_000: 7 };

/** The dataset-level row of a window: its `statistic` is the drift share. */
export const DATASET_FEATURE = "";

/**
 * The scheduler's drift pass: for every ML model, each complete hour and day window (within the
 * lookback) that has predictions and no stored drift yet is compared with the model's baseline
 * (stored, else the previous window) and stored per feature in `drift_point`. Windows are
 * immutable once complete, so each is computed once; late predictions are not revisited.
 */
export async function computeDriftWindows(db: Db, now: number, signal?: AbortSignal): Promise<number> {
  const models = await db.orm.select({ id: model.id, projectId: model.projectId, name: model.name }).from(model).where(eq(model.kind, "ml"));
  let computed = 0;
  for (const m of models) {
    for (const resolution of DRIFT_RESOLUTIONS) {
      const last = Math.floor(now / resolution) * resolution - resolution;
      const first = last - (LOOKBACK_BUCKETS[resolution] - 1) * resolution;
      const done = new Set(
        (
          await db.orm
            .select({ bucket: driftPoint.bucket })
            .from(driftPoint)
            .where(and(eq(driftPoint.projectId, m.projectId), eq(driftPoint.modelId, m.id), eq(driftPoint.resolution, resolution), eq(driftPoint.feature, DATASET_FEATURE), gte(driftPoint.bucket, first)))
        ).map((r) => r.bucket),
      );
      for (let bucket = first; bucket <= last; bucket += resolution) {
        if (signal?.aborted) return computed;
        if (done.has(bucket) || !(await hasPredictions(db, m.projectId, m.id, bucket, bucket + resolution))) continue;
        await computeWindow(db, m, resolution, bucket, now);
        computed++;
      }
    }
  }
  return computed;
}

async function hasPredictions(db: Db, projectId: number, modelId: number, from: number, to: number): Promise<boolean> {
  const [row] = await db.orm
    .select({ id: prediction.eventId })
    .from(prediction)
    .where(and(eq(prediction.projectId, projectId), eq(prediction.modelId, modelId), gte(prediction.ts, from), lt(prediction.ts, to)))
    .limit(1);
  return row !== undefined;
}

async function computeWindow(db: Db, m: { id: number; projectId: number; name: string }, resolution: number, bucket: number, now: number) {
  const ctx = systemContext(db, m.projectId, "drift-windows", () => now);
  const report = await getDriftReport(ctx, { model: m.name, from: bucket, to: bucket + resolution });
  const key = { projectId: m.projectId, modelId: m.id, resolution, bucket, computedAt: now };
  const rows = [
    {
      ...key,
      feature: DATASET_FEATURE,
      method: "share",
      // No baseline data (e.g. the first window of a new model): stored as "nothing to compare",
      // so the window counts as done but charts and alerts skip it.
      statistic: report.features.length === 0 ? null : report.driftShare,
      pValue: null,
      drifted: report.datasetDrifted ? 1 : 0,
      referenceCount: report.reference.count,
      currentCount: report.current.count,
    },
    ...report.features.map((f) => ({
      ...key,
      feature: f.name,
      method: f.method,
      statistic: f.statistic,
      pValue: f.pValue ?? null,
      drifted: f.drifted ? 1 : 0,
      referenceCount: f.referenceCount,
      currentCount: f.currentCount,
    })),
  ];
  await db.transaction(async (tx) => {
    await tx.orm
      .delete(driftPoint)
      .where(and(eq(driftPoint.projectId, m.projectId), eq(driftPoint.modelId, m.id), eq(driftPoint.resolution, resolution), eq(driftPoint.bucket, bucket)));
    await tx.orm.insert(driftPoint).values(rows);
  });
}
