import { computeFeatureDrift, datasetDrift, sortBySeverity, type FeatureDrift } from "./feature-drift";
import type { FeatureValue } from "./histogram";
import type { DriftMethod } from "./methods";

/** One sampled row: its features (nulls kept, dropped per feature) and the model's output. */
export interface DriftRow {
  features: Record<string, unknown>;
  prediction: FeatureValue | null;
}

export interface SideSample {
  rows: readonly DriftRow[];
  /** Rows in the window before sampling. */
  total: number;
}

export interface DriftReportOptions {
  method?: DriftMethod;
  threshold?: number;
  driftShareThreshold?: number;
  /** Per-feature overrides of method/threshold. */
  perFeature?: Record<string, { method?: DriftMethod; threshold?: number }>;
}

export type NamedFeatureDrift = FeatureDrift & { name: string; sampled: boolean };

export interface DriftReportBody {
  features: NamedFeatureDrift[];
  prediction: NamedFeatureDrift | null;
  driftShare: number;
  driftedCount: number;
  datasetDrifted: boolean;
  sampled: boolean;
}

/** Values a feature took in a sample, skipping nulls and anything that is not a number, text or boolean. */
export function columnValues(rows: readonly DriftRow[], name: string): FeatureValue[] {
  const out: FeatureValue[] = [];
  for (const r of rows) {
    const v = r.features[name];
    if (typeof v === "number" && Number.isFinite(v)) out.push(v);
    else if (typeof v === "string") out.push(v);
    else if (typeof v === "boolean") out.push(String(v));
  }
  return out;
}

/**
 * Per-feature drift of the current sample against the reference sample, most severe first, plus
 * the dataset verdict and the prediction's own drift. A feature seen on only one side cannot be
 * compared and is left out (it would otherwise count as "not drifted" in the share).
 */
export function buildDriftReport(reference: SideSample, current: SideSample, options: DriftReportOptions = {}): DriftReportBody {
  const sampled = reference.rows.length < reference.total || current.rows.length < current.total;
  const names = new Set<string>();
  for (const r of reference.rows) for (const k in r.features) names.add(k);
  const features: NamedFeatureDrift[] = [];
  for (const name of names) {
    const ref = columnValues(reference.rows, name);
    const cur = columnValues(current.rows, name);
    const override = options.perFeature?.[name];
    const d = computeFeatureDrift(ref, cur, {
      method: override?.method ?? options.method,
      threshold: override?.threshold ?? options.threshold,
      referenceRows: scaleCount(ref.length, reference),
    });
    if (d) features.push({ ...d, name, sampled, referenceCount: scaleCount(ref.length, reference), currentCount: scaleCount(cur.length, current) });
  }
  const refPred = reference.rows.flatMap((r) => (r.prediction === null ? [] : [r.prediction]));
  const curPred = current.rows.flatMap((r) => (r.prediction === null ? [] : [r.prediction]));
  const p = computeFeatureDrift(refPred, curPred, { method: options.method, referenceRows: scaleCount(refPred.length, reference) });
  const verdict = datasetDrift(features, options.driftShareThreshold);
  return {
    features: sortBySeverity(features),
    prediction: p ? { ...p, name: "prediction", sampled } : null,
    ...verdict,
    sampled,
  };
}

/** A count seen in the sample, scaled to the whole window (exact when nothing was sampled). */
function scaleCount(inSample: number, side: SideSample): number {
  if (side.rows.length === 0 || side.rows.length >= side.total) return inSample;
  return Math.round((inSample / side.rows.length) * side.total);
}
