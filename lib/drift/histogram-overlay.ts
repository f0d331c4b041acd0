import { equalEdges, valueCounts, type FeatureValue } from "./histogram";
import type { FeatureKind } from "./methods";

export interface OverlayBin {
  label: string;
  reference: number;
  current: number;
}

const NUMERIC_BINS = 20;
const TOP_CATEGORIES = 12;

/**
 * Reference-vs-current shares on one shared set of bins, for the drift tab's histogram overlay:
 * equal-width bins over the pooled range for numbers; the most frequent categories (pooled) for
 * text, the rest folded into "other".
 */
export function histogramOverlay(kind: FeatureKind, reference: readonly FeatureValue[], current: readonly FeatureValue[]): OverlayBin[] {
  if (reference.length === 0 && current.length === 0) return [];
  if (kind === "numerical") {
    const ref = reference as number[];
    const cur = current as number[];
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of [...ref, ...cur]) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (lo === hi) return [{ label: formatEdge(lo), reference: ref.length ? 1 : 0, current: cur.length ? 1 : 0 }];
    const edges = equalEdges(lo, hi, NUMERIC_BINS);
    const r = shares(ref, lo, hi);
    const c = shares(cur, lo, hi);
    return Array.from({ length: NUMERIC_BINS }, (_, i) => ({ label: formatEdge(edges[i]), reference: r[i], current: c[i] }));
  }
  const rc = valueCounts(reference);
  const cc = valueCounts(current);
  const pooled = [...new Set([...rc.keys(), ...cc.keys()])].sort(
    (a, b) => (rc.get(b) ?? 0) + (cc.get(b) ?? 0) - ((rc.get(a) ?? 0) + (cc.get(a) ?? 0)) || a.localeCompare(b),
  );
  const top = pooled.slice(0, TOP_CATEGORIES);
  const bins = top.map((k) => ({ label: k, reference: (rc.get(k) ?? 0) / (reference.length || 1), current: (cc.get(k) ?? 0) / (current.length || 1) }));
  if (pooled.length > TOP_CATEGORIES) {
    const rest = (m: Map<string, number>, n: number) => pooled.slice(TOP_CATEGORIES).reduce((s, k) => s + (m.get(k) ?? 0), 0) / (n || 1);
    bins.push({ label: "other", reference: rest(rc, reference.length), current: rest(cc, current.length) });
  }
  return bins;
}

function shares(values: number[], lo: number, hi: number): number[] {
  const out = new Array<number>(NUMERIC_BINS).fill(0);
  for (const v of values) out[Math.min(NUMERIC_BINS - 1, Math.floor(((v - lo) / (hi - lo)) * NUMERIC_BINS))]++;
  return out.map((c) => c / (values.length || 1));
}

function formatEdge(v: number): string {
  return Math.abs(v) >= 1000 || Number.isInteger(v) ? String(Math.round(v)) : v.toPrecision(3);
}
