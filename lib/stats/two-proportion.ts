import { twoSidedP } from "./normal";

export interface TwoProportionResult {
  pA: number;
  pB: number;
  nA: number;
  nB: number;
  z: number;
  pValue: number;
}

/**
 * Two-sided two-proportion z-test with the pooled standard error:
 * z = (p̂A − p̂B) / √(p̂(1 − p̂)(1/nA + 1/nB)), p̂ = (xA + xB)/(nA + nB).
 * Null when either sample is empty. When nothing (or everything) happened in both, p = 1.
 */
export function twoProportionZTest(xA: number, nA: number, xB: number, nB: number): TwoProportionResult | null {
  if (nA <= 0 || nB <= 0) return null;
  const pA = xA / nA;
  const pB = xB / nB;
  const pooled = (xA + xB) / (nA + nB);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / nA + 1 / nB));
  const z = se > 0 ? (pA - pB) / se : 0;
  return { pA, pB, nA, nB, z, pValue: se > 0 ? twoSidedP(z) : 1 };
}
