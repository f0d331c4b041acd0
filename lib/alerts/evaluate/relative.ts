import type { Observation } from "./step";

/**
 * Relative mode: the percent change of the current window against a baseline window (the one
 * before, or the same window a week earlier). Both windows must have data; the sample count is
 * the smaller of the two so the minimum-sample guard protects the baseline too. A zero baseline
 * has no percent change: the value is undefined and the state holds.
 */
export function relativeObservation(current: Observation, baseline: Observation): Observation {
  const samples = Math.min(current.samples, baseline.samples);
  if (samples <= 0) return { value: null, samples: 0 };
  if (current.value === null || baseline.value === null || baseline.value === 0) return { value: null, samples };
  return { value: ((current.value - baseline.value) / Math.abs(baseline.value)) * 100, samples };
}
