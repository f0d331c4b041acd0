import type { FeatureValue } from "./histogram";
import {
  METHOD_INFO,
  methodNeedsNumbers,
  runDriftMethod,
  selectDriftMethod,
  type DriftMethod,
  type FeatureKind,
} from "./methods";

export interface FeatureDriftOptions {
  /** Force one method (PSI, Hellinger … on demand); default: Evidently's selection. */
  method?: DriftMethod;
  /** Override the method's default threshold. */
  threshold?: number;
  /**
   * Rows in the reference window before sampling: Evidently picks the method by the reference's
   * size, which a sample cap must not change.
   */
  referenceRows?: number;
}

export interface FeatureDrift {
  kind: FeatureKind;
  method: DriftMethod;
  statistic: number;
  pValue?: number;
  threshold: number;
  drifted: boolean;
  /** ≥ 1 exactly when drifted; comparable across methods, for sorting (threshold/p or statistic/threshold). */
  severity: number;
  referenceCount: number;
  currentCount: number;
}

/** Numerical when every value is a number (booleans and text make a feature categorical). */
export function featureKind(values: Iterable<FeatureValue>): FeatureKind {
  for (const v of values) if (typeof v !== "number") return "categorical";
  return "numerical";
}

/** Distinct values over both samples, by their text. */
export function uniqueCount(reference: readonly FeatureValue[], current: readonly FeatureValue[]): number {
  const seen = new Set<string>();
  for (const v of reference) seen.add(String(v));
  for (const v of current) seen.add(String(v));
  return seen.size;
}

/** Drift of one feature between two non-empty samples (nulls already dropped). Null when either is empty. */
export function computeFeatureDrift(
  reference: readonly FeatureValue[],
  current: readonly FeatureValue[],
  options: FeatureDriftOptions = {},
): FeatureDrift | null {
  if (reference.length === 0 || current.length === 0) return null;
  const kind = featureKind(reference) === "numerical" && featureKind(current) === "numerical" ? "numerical" : "categorical";
  let method = options.method ?? selectDriftMethod(kind, options.referenceRows ?? reference.length, uniqueCount(reference, current));
  // A number-only method asked for on text falls back to the default choice for that feature.
  if (kind === "categorical" && methodNeedsNumbers(method)) method = selectDriftMethod(kind, options.referenceRows ?? reference.length, uniqueCount(reference, current));
  const info = METHOD_INFO[method];
  const threshold = options.threshold ?? info.threshold;
  const outcome = runDriftMethod(method, kind, reference, current);
  const drifted = info.test === "p_value" ? outcome.pValue! < threshold : outcome.statistic >= threshold;
  const severity =
    info.test === "p_value" ? threshold / Math.max(outcome.pValue!, Number.MIN_VALUE) : outcome.statistic / threshold;
  return {
    kind,
    method,
    statistic: outcome.statistic,
    ...(outcome.pValue !== undefined ? { pValue: outcome.pValue } : {}),
    threshold,
    drifted,
    severity: drifted ? Math.max(severity, 1) : Math.min(severity, 1 - Number.EPSILON),
    referenceCount: reference.length,
    currentCount: current.length,
  };
}

/** The dataset counts as drifted when at least this share of its features drifted (Evidently's default). */
export const DATASET_DRIFT_SHARE = 0.5;

export function datasetDrift(
  features: readonly { drifted: boolean }[],
  shareThreshold = DATASET_DRIFT_SHARE,
): { driftShare: number; driftedCount: number; datasetDrifted: boolean } {
  const driftedCount = features.filter((f) => f.drifted).length;
  const driftShare = features.length === 0 ? 0 : driftedCount / features.length;
  return { driftShare, driftedCount, datasetDrifted: features.length > 0 && driftShare >= shareThreshold };
}

/** Most severe first; ties by name so the order is stable. */
export function sortBySeverity<T extends { name: string; severity: number }>(features: T[]): T[] {
  return [...features].sort((a, b) => b.severity - a.severity || a.name.localeCompare(b.name));
}
