import { and, desc, eq, gte, isNotNull, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { driftPoint, event, label, prediction } from "@/db/schema";
import { DATASET_FEATURE } from "@/lib/drift/compute-drift-windows";
import { inferTaskKind } from "./task-kind";

export interface FleetQuality {
  /** Share of drifted features in the latest computed window, and whether the dataset drifted. */
  driftShare: number | null;
  datasetDrifted: boolean;
  /** Accuracy over predictions labelled in the range; null for regression models or without labels. */
  accuracy: number | null;
}

/**
 * Computed quality signals per ML model for the overview: the latest stored drift window (hour
 * windows preferred, as the fresher) and accuracy from labels that arrived in [from, to).
 */
export async function readFleetQuality(db: Db, projectId: number, from: number, to: number): Promise<Map<number, FleetQuality>> {
  const out = new Map<number, FleetQuality>();
  const get = (id: number) => out.get(id) ?? out.set(id, { driftShare: null, datasetDrifted: false, accuracy: null }).get(id)!;
  const windows = await db.orm
    .select({ modelId: driftPoint.modelId, statistic: driftPoint.statistic, drifted: driftPoint.drifted })
    .from(driftPoint)
    .where(and(eq(driftPoint.projectId, projectId), eq(driftPoint.feature, DATASET_FEATURE), isNotNull(driftPoint.statistic), gte(driftPoint.bucket, from), lt(driftPoint.bucket, to)))
    .orderBy(desc(driftPoint.bucket), driftPoint.resolution);
  for (const w of windows) {
    const q = get(w.modelId);
    if (q.driftShare === null) Object.assign(q, { driftShare: w.statistic, datasetDrifted: w.drifted === 1 });
  }
  const labelled = await db.orm
    .select({ modelId: prediction.modelId, pNum: prediction.valueNum, pText: prediction.valueText, lNum: label.valueNum, lText: label.valueText })
    .from(label)
    .innerJoin(event, and(eq(event.projectId, label.projectId), eq(event.clientId, label.targetClientId)))
    .innerJoin(prediction, and(eq(prediction.projectId, event.projectId), eq(prediction.eventId, event.id)))
    .where(and(eq(label.projectId, projectId), gte(label.ts, from), lt(label.ts, to)));
  const byModel = new Map<number, { predicted: string | number; actual: string | number }[]>();
  for (const r of labelled) {
    const predicted = r.pNum ?? r.pText;
    const actual = r.lNum ?? r.lText;
    if (predicted === null || actual === null) continue;
    const list = byModel.get(r.modelId) ?? byModel.set(r.modelId, []).get(r.modelId)!;
    list.push({ predicted, actual });
  }
  for (const [modelId, rows] of byModel) {
    if (inferTaskKind(rows.flatMap((r) => [r.predicted, r.actual])) !== "classification") continue;
    get(modelId).accuracy = rows.filter((r) => String(r.predicted) === String(r.actual)).length / rows.length;
  }
  return out;
}
