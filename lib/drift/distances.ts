/**
 * Distribution distances used for drift. Proportion vectors are aligned bins (see histogram.ts);
 * each function says how it treats empty bins.
 */

/** Earth mover's distance between two 1-D samples (scipy `wasserstein_distance`): ∫|F1 − F2|. */
export function wasserstein1(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length === 0 || b.length === 0) throw new RangeError("wasserstein1 needs two non-empty samples");
  const x = Float64Array.from(a).sort();
  const y = Float64Array.from(b).sort();
  let i = 0;
  let j = 0;
  let prev = Math.min(x[0], y[0]);
  let area = 0;
  while (i < x.length || j < y.length) {
    const v = j >= y.length || (i < x.length && x[i] <= y[j]) ? x[i] : y[j];
    area += Math.abs(i / x.length - j / y.length) * (v - prev);
    prev = v;
    while (i < x.length && x[i] === v) i++;
    while (j < y.length && y[j] === v) j++;
  }
  return area;
}

/** Population standard deviation (ddof 0, numpy's `np.std` default). */
export function populationStd(a: ArrayLike<number>): number {
  let mean = 0;
  for (let i = 0; i < a.length; i++) mean += a[i];
  mean /= a.length;
  let ss = 0;
  for (let i = 0; i < a.length; i++) ss += (a[i] - mean) ** 2;
  return Math.sqrt(ss / a.length);
}

/** Below this reference std the normed distance would explode on near-constant features (Evidently). */
export const WASSERSTEIN_MIN_NORM = 0.001;

/** Evidently's `wasserstein` method: W1 divided by max(reference std, 0.001). */
export function normedWasserstein(reference: ArrayLike<number>, current: ArrayLike<number>): number {
  return wasserstein1(reference, current) / Math.max(populationStd(reference), WASSERSTEIN_MIN_NORM);
}

/**
 * Jensen–Shannon distance, base 2 (so it lies in [0, 1]): √(½KL(p‖m) + ½KL(q‖m)), m = ½(p+q).
 * Inputs are normalised first, like scipy's `jensenshannon`; empty bins contribute 0.
 */
export function jensenShannonDistance(p: ArrayLike<number>, q: ArrayLike<number>): number {
  const pn = normalise(p);
  const qn = normalise(q);
  let div = 0;
  for (let i = 0; i < pn.length; i++) {
    const m = (pn[i] + qn[i]) / 2;
    if (pn[i] > 0) div += pn[i] * Math.log2(pn[i] / m);
    if (qn[i] > 0) div += qn[i] * Math.log2(qn[i] / m);
  }
  return Math.sqrt(Math.max(0, div / 2));
}

/** An empty bin would make PSI infinite; Evidently replaces a zero share with this. */
export const PSI_ZERO_SHARE = 0.0001;

/** Population stability index Σ (r − c)·ln(r/c) over aligned bin shares. */
export function populationStabilityIndex(reference: ArrayLike<number>, current: ArrayLike<number>): number {
  let psi = 0;
  for (let i = 0; i < reference.length; i++) {
    const r = reference[i] === 0 ? PSI_ZERO_SHARE : reference[i];
    const c = current[i] === 0 ? PSI_ZERO_SHARE : current[i];
    psi += (r - c) * Math.log(r / c);
  }
  return psi;
}

/** Hellinger distance √(1 − Σ√(p·q)) over normalised shares, in [0, 1]. */
export function hellingerDistance(p: ArrayLike<number>, q: ArrayLike<number>): number {
  const pn = normalise(p);
  const qn = normalise(q);
  let bc = 0;
  for (let i = 0; i < pn.length; i++) bc += Math.sqrt(pn[i] * qn[i]);
  return Math.sqrt(Math.max(0, 1 - bc));
}

function normalise(v: ArrayLike<number>): Float64Array {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i];
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = s > 0 ? v[i] / s : 0;
  return out;
}
