import { and, eq, gte, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { event, label, prediction } from "@/db/schema";
import type { JoinedPrediction } from "./performance-series";

/**
 * Predictions of a window with their label, joined by the prediction's client id — the label's
 * `targetId` — so a label counts whether it arrived before or after its prediction (the label's
 * resolved event id is only set when the prediction came first). When a prediction was labelled
 * twice, the later label wins.
 */
export async function readJoinedPredictions(
  db: Db,
  w: { projectId: number; modelId: number; versionId?: number; from: number; to: number },
  versionName: (id: number | null) => string | null,
): Promise<JoinedPrediction[]> {
  const rows = await db.orm
    .select({
      eventId: prediction.eventId,
      ts: prediction.ts,
      versionId: prediction.modelVersionId,
      valueNum: prediction.valueNum,
      valueText: prediction.valueText,
      score: prediction.score,
      labelId: label.eventId,
      labelNum: label.valueNum,
      labelText: label.valueText,
      labelTs: label.ts,
    })
    .from(prediction)
    .innerJoin(event, and(eq(event.projectId, prediction.projectId), eq(event.id, prediction.eventId)))
    .leftJoin(label, and(eq(label.projectId, prediction.projectId), eq(label.targetClientId, event.clientId)))
    .where(
      and(
        eq(prediction.projectId, w.projectId),
        eq(prediction.modelId, w.modelId),
        gte(prediction.ts, w.from),
        lt(prediction.ts, w.to),
        w.versionId === undefined ? undefined : eq(prediction.modelVersionId, w.versionId),
      ),
    );
  const out = new Map<number, JoinedPrediction & { labelId: number | null }>();
  for (const r of rows) {
    const prev = out.get(r.eventId);
    if (prev && (r.labelId === null || (prev.labelId !== null && prev.labelId > r.labelId))) continue;
    out.set(r.eventId, {
      ts: r.ts,
      version: versionName(r.versionId),
      predicted: r.valueNum ?? r.valueText ?? "",
      score: r.score,
      actual: r.labelId === null ? null : (r.labelNum ?? r.labelText),
      labelTs: r.labelTs,
      labelId: r.labelId,
    });
  }
  return [...out.values()];
}
