import { chiSquareGoodnessOfFit } from "./chi-square";
import { hellingerDistance, jensenShannonDistance, normedWasserstein, populationStabilityIndex } from "./distances";
import { binnedShares, valueCounts, type FeatureValue } from "./histogram";
import { ksTwoSample } from "./ks-two-sample";
import { twoValueZTest } from "./z-test";

export const DRIFT_METHODS = ["ks", "chisquare", "z", "wasserstein", "jensenshannon", "psi", "hellinger"] as const;
export type DriftMethod = (typeof DRIFT_METHODS)[number];
export type FeatureKind = "numerical" | "categorical";

/** How a method's number is read: a p-value drifts below its threshold, a distance at or above it. */
export const METHOD_INFO: Record<DriftMethod, { label: string; test: "p_value" | "distance"; threshold: number }> = {
  ks: { label: "Kolmogorov–Smirnov", test: "p_value", threshold: 0.05 },
  chisquare: { label: "Chi-square", test: "p_value", threshold: 0.05 },
  z: { label: "Two-proportion Z", test: "p_value", threshold: 0.05 },
  wasserstein: { label: "Wasserstein (normed)", test: "distance", threshold: 0.1 },
  jensenshannon: { label: "Jensen–Shannon", test: "distance", threshold: 0.1 },
  psi: { label: "PSI", test: "distance", threshold: 0.1 },
  hellinger: { label: "Hellinger", test: "distance", threshold: 0.1 },
};

/** Reference sizes up to this use the statistical tests; above it, distances (Evidently). */
export const SMALL_REFERENCE_MAX_ROWS = 1000;

/**
 * Evidently's default method choice. Unique values are counted over reference and current
 * together; the row count is the reference's.
 */
export function selectDriftMethod(kind: FeatureKind, referenceRows: number, uniqueValues: number): DriftMethod {
  const numeric = kind === "numerical" && uniqueValues > 5;
  if (referenceRows <= SMALL_REFERENCE_MAX_ROWS) {
    if (numeric) return "ks";
    return uniqueValues > 2 ? "chisquare" : "z";
  }
  return numeric ? "wasserstein" : "jensenshannon";
}

export interface MethodOutcome {
  statistic: number;
  pValue?: number;
}

/**
 * Runs one method on two non-empty samples. Methods that need numbers (ks, wasserstein) are only
 * chosen for numerical features; asking for them on a categorical one is the caller's error.
 */
export function runDriftMethod(
  method: DriftMethod,
  kind: FeatureKind,
  reference: readonly FeatureValue[],
  current: readonly FeatureValue[],
): MethodOutcome {
  switch (method) {
    case "ks": {
      const r = ksTwoSample(reference as number[], current as number[]);
      return { statistic: r.statistic, pValue: r.pValue };
    }
    case "chisquare": {
      const r = chiSquareGoodnessOfFit(valueCounts(reference), valueCounts(current));
      return { statistic: r.statistic, pValue: r.pValue };
    }
    case "z": {
      const r = twoValueZTest(valueCounts(reference), valueCounts(current));
      return { statistic: r.statistic, pValue: r.pValue };
    }
    case "wasserstein":
      return { statistic: normedWasserstein(reference as number[], current as number[]) };
    case "jensenshannon": {
      const s = binnedShares(kind, reference, current);
      return { statistic: jensenShannonDistance(s.reference, s.current) };
    }
    case "psi": {
      const s = binnedShares(kind, reference, current);
      return { statistic: populationStabilityIndex(s.reference, s.current) };
    }
    case "hellinger": {
      const s = binnedShares(kind, reference, current);
      return { statistic: hellingerDistance(s.reference, s.current) };
    }
  }
}

/** Whether a method needs numerical input. */
export function methodNeedsNumbers(method: DriftMethod): boolean {
  return method === "ks" || method === "wasserstein";
}
