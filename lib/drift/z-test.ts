import erfc from "@stdlib/math-base-special-erfc";

export interface ZTestResult {
  statistic: number;
  pValue: number;
}

/**
 * Evidently's two-proportion z-test for a feature with at most two values: the share of one value
 * (the first in sorted order) in reference vs current, pooled standard error, two-sided p.
 * One identical value on both sides is no evidence of change: p = 1.
 */
export function twoValueZTest(reference: Map<string, number>, current: Map<string, number>): ZTestResult {
  const keys = [...new Set([...reference.keys(), ...current.keys()])].sort();
  const n1 = total(reference);
  const n2 = total(current);
  if (n1 === 0 || n2 === 0) throw new RangeError("twoValueZTest needs two non-empty samples");
  const key = keys[0];
  const p1 = (reference.get(key) ?? 0) / n1;
  const p2 = (current.get(key) ?? 0) / n2;
  const pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return { statistic: 0, pValue: 1 };
  const z = (p1 - p2) / se;
  return { statistic: z, pValue: Math.min(1, erfc(Math.abs(z) / Math.SQRT2)) };
}

function total(m: Map<string, number>): number {
  let s = 0;
  for (const v of m.values()) s += v;
  return s;
}
