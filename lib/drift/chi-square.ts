import gammainc from "@stdlib/math-base-special-gammainc";

export interface ChiSquareResult {
  statistic: number;
  pValue: number;
  degreesOfFreedom: number;
}

/**
 * Pearson goodness of fit of current category counts against the reference proportions, as
 * Evidently's `chisquare` test: expected = reference count × (current total / reference total),
 * over the union of categories (a category the reference never saw has expected 0 → χ² = ∞,
 * p = 0: the current data has values the reference cannot produce). Upper tail via stdlib's
 * regularised incomplete gamma, which keeps precision for tiny p-values (1 − CDF would not).
 */
export function chiSquareGoodnessOfFit(reference: Map<string, number>, current: Map<string, number>): ChiSquareResult {
  const keys = new Set([...reference.keys(), ...current.keys()]);
  const refTotal = sum(reference.values());
  const curTotal = sum(current.values());
  if (refTotal === 0 || curTotal === 0) throw new RangeError("chiSquareGoodnessOfFit needs two non-empty samples");
  const scale = curTotal / refTotal;
  let statistic = 0;
  for (const k of keys) {
    const expected = (reference.get(k) ?? 0) * scale;
    const observed = current.get(k) ?? 0;
    statistic += expected === 0 ? (observed === 0 ? 0 : Infinity) : ((observed - expected) ** 2) / expected;
  }
  const degreesOfFreedom = keys.size - 1;
  if (degreesOfFreedom < 1) return { statistic: 0, pValue: 1, degreesOfFreedom };
  const pValue = Number.isFinite(statistic) ? gammainc(statistic / 2, degreesOfFreedom / 2, true, true) : 0;
  return { statistic, pValue, degreesOfFreedom };
}

function sum(values: Iterable<number>): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}
