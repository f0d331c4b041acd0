import { and, asc, count, eq, gte, lt, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { prediction, SAMPLE_KEY_RANGE } from "@/db/schema";
import type { DriftRow } from "./build-report";

export interface PredictionWindow {
  projectId: number;
  modelId: number;
  /** Only this version's predictions. */
  versionId?: number;
  from: number;
  to: number;
}

export interface SampledRow extends DriftRow {
  eventId: number;
  ts: number;
  attributions: Record<string, unknown> | null;
}

export interface WindowSample {
  rows: SampledRow[];
  /** Predictions in the window before sampling. */
  total: number;
}

function windowWhere(w: PredictionWindow): SQL {
  return and(
    eq(prediction.projectId, w.projectId),
    eq(prediction.modelId, w.modelId),
    gte(prediction.ts, w.from),
    lt(prediction.ts, w.to),
    w.versionId === undefined ? undefined : eq(prediction.modelVersionId, w.versionId),
  )!;
}

/**
 * A uniform random sample of at most `cap` predictions of a window, without reading the rest:
 * every prediction got a uniform random sample key at ingest, so the window's `cap` smallest
 * keys are a uniform sample without replacement (docs/adr/0034). The key bound keeps the read to
 * about 1.5 × cap rows; in the rare case it yields too few, the read is repeated without it.
 */
export async function readPredictionSample(db: Db, w: PredictionWindow, cap: number): Promise<WindowSample> {
  const where = windowWhere(w);
  const [{ n: total }] = await db.orm.select({ n: count() }).from(prediction).where(where);
  if (total === 0) return { rows: [], total };
  const want = Math.min(cap, total);
  const bound = total <= cap ? SAMPLE_KEY_RANGE : Math.min(SAMPLE_KEY_RANGE, Math.ceil(((cap * 1.5) / total) * SAMPLE_KEY_RANGE));
  let rows = await selectSample(db, and(where, lt(prediction.sampleKey, bound))!, cap);
  if (rows.length < want) rows = await selectSample(db, where, cap);
  return { rows, total };
}

async function selectSample(db: Db, where: SQL, cap: number): Promise<SampledRow[]> {
  const rows = await db.orm
    .select({
      eventId: prediction.eventId,
      ts: prediction.ts,
      valueNum: prediction.valueNum,
      valueText: prediction.valueText,
      features: prediction.features,
      attributions: prediction.attributions,
    })
    .from(prediction)
    .where(where)
    .orderBy(asc(prediction.sampleKey))
    .limit(cap);
  return rows.map((r) => ({
    eventId: r.eventId,
    ts: r.ts,
    features: r.features ? (JSON.parse(r.features) as Record<string, unknown>) : {},
    prediction: r.valueNum ?? r.valueText,
    attributions: r.attributions ? (JSON.parse(r.attributions) as Record<string, unknown>) : null,
  }));
}
