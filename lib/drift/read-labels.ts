import { and, eq, gte, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { event, label } from "@/db/schema";
import type { FeatureValue } from "./histogram";

/**
 * Label values of a model that arrived in a window (by the label's timestamp), for label drift.
 * Labels carry their model on the event row; a window with more labels than `cap` is cut to the
 * first `cap` by time (labels are far fewer than predictions).
 */
export async function readLabelValues(db: Db, projectId: number, modelId: number, from: number, to: number, cap: number): Promise<FeatureValue[]> {
  const rows = await db.orm
    .select({ num: label.valueNum, text: label.valueText })
    .from(label)
    .innerJoin(event, eq(event.id, label.eventId))
    .where(and(eq(label.projectId, projectId), eq(event.modelId, modelId), gte(label.ts, from), lt(label.ts, to)))
    .orderBy(label.ts)
    .limit(cap);
  return rows.flatMap((r): FeatureValue[] => (r.num !== null ? [r.num] : r.text !== null ? [r.text] : []));
}
