import { twoSidedP } from "./normal";

/** A value and how many observations share it (a DDSketch bin, or one distinct raw value). */
export interface TiedGroup {
  value: number;
  count: number;
}

export interface MannWhitneyResult {
  /** U statistic of sample A (number of (a, b) pairs with a > b, ties counting ½). */
  uA: number;
  uB: number;
  nA: number;
  nB: number;
  z: number;
  pValue: number;
  /** P(A > B) + ½P(A = B): 0.5 means no shift; above 0.5 means A tends to be larger. */
  effect: number;
}

/**
 * Two-sided Mann–Whitney U test, normal approximation with tie correction and continuity
 * correction — the same as scipy.stats.mannwhitneyu(a, b, method="asymptotic").
 *
 * Works on tied groups, so it runs in O(distinct values) on DDSketch bins from the rollups
 * (values falling into the same 1 %-wide bin count as ties; see docs/adr/0010).
 */
export function mannWhitneyGroups(a: TiedGroup[], b: TiedGroup[]): MannWhitneyResult | null {
  const merged = new Map<number, { a: number; b: number }>();
  for (const g of a) if (g.count > 0) bump(merged, g.value, g.count, 0);
  for (const g of b) if (g.count > 0) bump(merged, g.value, 0, g.count);
  const nA = sum(a);
  const nB = sum(b);
  if (nA === 0 || nB === 0) return null;

  const values = [...merged.keys()].sort((x, y) => x - y);
  let rank = 0; // ranks consumed so far
  let rankSumA = 0;
  let tieTerm = 0; // Σ (t³ − t) over tied groups
  for (const v of values) {
    const g = merged.get(v)!;
    const t = g.a + g.b;
    const midRank = rank + (t + 1) / 2;
    rankSumA += g.a * midRank;
    tieTerm += t * t * t - t;
    rank += t;
  }
  const n = nA + nB;
  const uA = rankSumA - (nA * (nA + 1)) / 2;
  const uB = nA * nB - uA;
  const mu = (nA * nB) / 2;
  const sigma = Math.sqrt(((nA * nB) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
  const u = Math.max(uA, uB);
  const z = sigma > 0 ? (u - mu - 0.5) / sigma : 0;
  return { uA, uB, nA, nB, z, pValue: sigma > 0 ? twoSidedP(z) : 1, effect: uA / (nA * nB) };
}

/** Convenience for raw samples (tests, small data): groups equal values first. */
export function mannWhitneyU(a: number[], b: number[]): MannWhitneyResult | null {
  return mannWhitneyGroups(groupValues(a), groupValues(b));
}

export function groupValues(xs: number[]): TiedGroup[] {
  const m = new Map<number, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return [...m].map(([value, count]) => ({ value, count }));
}

function bump(m: Map<number, { a: number; b: number }>, v: number, a: number, b: number) {
  const g = m.get(v);
  if (g) {
    g.a += a;
    g.b += b;
  } else m.set(v, { a, b });
}

function sum(gs: TiedGroup[]): number {
  return gs.reduce((s, g) => s + Math.max(0, g.count), 0);
}
