/** A feature value as stored: numbers stay numbers; everything else is compared as text. */
export type FeatureValue = number | string;

/** Counts per value, keyed by the value's text (so 1 and "1" are one category on purpose). */
export function valueCounts(values: readonly FeatureValue[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) {
    const k = String(v);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/**
 * numpy's `histogram_bin_edges(data, bins="sturges")`: ⌈log2(n) + 1⌉ equal-width bins over the
 * range of the pooled data; a constant sample gets one bin of width 1 around its value.
 */
export function sturgesEdges(pooled: ArrayLike<number>): Float64Array {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < pooled.length; i++) {
    if (pooled[i] < lo) lo = pooled[i];
    if (pooled[i] > hi) hi = pooled[i];
  }
  if (lo === hi) return Float64Array.of(lo - 0.5, hi + 0.5);
  const width = (hi - lo) / (Math.log2(pooled.length) + 1);
  const bins = Math.max(1, Math.ceil((hi - lo) / width));
  return equalEdges(lo, hi, bins);
}

export function equalEdges(lo: number, hi: number, bins: number): Float64Array {
  const edges = new Float64Array(bins + 1);
  for (let i = 0; i <= bins; i++) edges[i] = lo + ((hi - lo) * i) / bins;
  edges[bins] = hi;
  return edges;
}

/** Share of values per bin; bins are [e_i, e_{i+1}) except the last, which includes its right edge (numpy). */
export function binShares(values: ArrayLike<number>, edges: Float64Array): Float64Array {
  const bins = edges.length - 1;
  const counts = new Float64Array(bins);
  const lo = edges[0];
  const hi = edges[bins];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < lo || v > hi) continue;
    let b = Math.floor(((v - lo) / (hi - lo)) * bins);
    if (b >= bins) b = bins - 1;
    // Floating-point rounding can land a value one bin off near an edge.
    while (b > 0 && v < edges[b]) b--;
    while (b < bins - 1 && v >= edges[b + 1]) b++;
    counts[b]++;
  }
  for (let b = 0; b < bins; b++) counts[b] /= values.length || 1;
  return counts;
}

/** Shares of each category over the union of keys, in one shared order for both sides. */
export function categoryShares(reference: Map<string, number>, current: Map<string, number>): {
  keys: string[];
  reference: Float64Array;
  current: Float64Array;
} {
  const keys = [...new Set([...reference.keys(), ...current.keys()])].sort();
  const refTotal = [...reference.values()].reduce((a, b) => a + b, 0) || 1;
  const curTotal = [...current.values()].reduce((a, b) => a + b, 0) || 1;
  return {
    keys,
    reference: Float64Array.from(keys, (k) => (reference.get(k) ?? 0) / refTotal),
    current: Float64Array.from(keys, (k) => (current.get(k) ?? 0) / curTotal),
  };
}

/** Above this many distinct reference values a numerical feature is binned, below it counted (Evidently's n_bins). */
export const BINNING_MIN_UNIQUE = 30;

/** Evidently's `get_binned_data`: aligned reference/current shares for the distance methods. */
export function binnedShares(
  kind: "numerical" | "categorical",
  reference: readonly FeatureValue[],
  current: readonly FeatureValue[],
): { reference: Float64Array; current: Float64Array } {
  const refCounts = valueCounts(reference);
  if (kind === "numerical" && refCounts.size > BINNING_MIN_UNIQUE) {
    const ref = reference as number[];
    const cur = current as number[];
    const edges = sturgesEdges([...ref, ...cur]);
    return { reference: binShares(ref, edges), current: binShares(cur, edges) };
  }
  const shares = categoryShares(refCounts, valueCounts(current));
  return { reference: shares.reference, current: shares.current };
}
