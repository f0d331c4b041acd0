import { kolmogorovSf } from "./kolmogorov";

/** Samples up to this size (both sides) get scipy's exact p-value; larger ones the asymptotic one. */
export const KS_EXACT_MAX_N = 10_000;

export interface KsResult {
  /** Largest distance between the two empirical CDFs. */
  statistic: number;
  pValue: number;
  mode: "exact" | "asymp";
}

/**
 * Two-sided two-sample Kolmogorov–Smirnov test, mirroring `scipy.stats.ks_2samp(a, b)` in its
 * default ("auto") mode: exact when both samples have ≤ 10,000 values, otherwise asymptotic.
 * The exact branch follows scipy's algorithms (Hodges' path counting; Viehmann's stable
 * recursion for unequal sizes). The asymptotic branch uses Kolmogorov's limiting distribution at
 * √(nm/(n+m))·D — scipy instead evaluates the finite-n one-sample distribution at round(nm/(n+m)),
 * which differs by O(1/√n): 2.5% relative at p ≈ 0.005 and 0.4% at p ≈ 0.92 for 12,000 vs
 * 3,000 values (tested). With the default sample cap (5,000 per side) the exact branch always applies.
 * Inputs must be non-empty; NaN values are the caller's to drop.
 */
export function ksTwoSample(a: ArrayLike<number>, b: ArrayLike<number>): KsResult {
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) throw new RangeError("ksTwoSample needs two non-empty samples");
  const x = Float64Array.from(a).sort();
  const y = Float64Array.from(b).sort();
  const d = maxEcdfDistance(x, y);
  if (Math.max(n1, n2) <= KS_EXACT_MAX_N) {
    const exact = exactPValue(n1, n2, d);
    if (exact !== null) return { statistic: exact.d, pValue: exact.p, mode: "exact" };
  }
  const en = (n1 * n2) / (n1 + n2);
  return { statistic: d, pValue: kolmogorovSf(Math.sqrt(en) * d), mode: "asymp" };
}

/** sup |F1 − F2| over the pooled values, evaluated right-continuously (ties handled as scipy). */
function maxEcdfDistance(x: Float64Array, y: Float64Array): number {
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i], y[j]);
    while (i < x.length && x[i] <= v) i++;
    while (j < y.length && y[j] <= v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** scipy `_attempt_exact_2kssamp` (two-sided): null when the computation is not representable. */
function exactPValue(n1: number, n2: number, dRaw: number): { d: number; p: number } | null {
  const g = gcd(n1, n2);
  const lcm = (n1 / g) * n2;
  // D is a multiple of 1/lcm; rounding removes floating-point noise from the ECDF difference.
  const h = Math.round(dRaw * lcm);
  const d = h / lcm;
  if (h === 0) return { d, p: 1 };
  const p = n1 === n2 ? probOutsideSquare(n1, h) : outerProbInside(n1, n2, g, h);
  if (!Number.isFinite(p) || p < 0 || p > 1) return null;
  return { d, p };
}

/**
 * P(D ≥ h/n) for equal sizes: 2·Σ ±binom(2n, n−kh)/binom(2n, n), evaluated Horner-style on the
 * ratios to avoid the cancellation of the alternating sum (scipy `_compute_prob_outside_square`).
 */
function probOutsideSquare(n: number, h: number): number {
  let p = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
    p = p1 * (1 - p);
  }
  return 2 * p;
}

/**
 * 1 − (share of lattice paths from (0,0) to (m,n) staying strictly inside |x/m − y/n| < h/lcm),
 * with the recursion written directly for the complement (Viehmann 2021, arXiv:2102.08037), as
 * scipy `_compute_outer_prob_inside_method`. One sliding column of the path table: O(m·window).
 */
function outerProbInside(n1: number, n2: number, g: number, h: number): number {
  const m = Math.max(n1, n2);
  const n = Math.min(n1, n2);
  const mg = m / g;
  const ng = n / g;
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const lenA = Math.min(2 * maxj + 2, n + 1);
  const A = new Float64Array(lenA).fill(1);
  A.fill(0, minj, maxj);
  for (let i = 1; i <= m; i++) {
    const lastminj = minj;
    const lastlen = curlen;
    minj = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let val = minj === 0 ? 0 : 1;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      val = (A[jj + minj - lastminj] * i + val * j) / (i + j);
      A[jj] = val;
    }
    curlen = maxj - minj;
    if (lastlen > curlen) A.fill(1, maxj - minj, maxj - minj + (lastlen - curlen));
  }
  return A[maxj - minj - 1];
}
