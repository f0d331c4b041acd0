/** Mean |attribution| per feature over a set of predictions' attribution maps. */
export function meanAbsAttribution(maps: readonly Record<string, unknown>[]): Record<string, number> {
  const sum = new Map<string, number>();
  const n = new Map<string, number>();
  for (const m of maps) {
    for (const [k, v] of Object.entries(m)) {
      if (typeof v !== "number" || !Number.isFinite(v)) continue;
      sum.set(k, (sum.get(k) ?? 0) + Math.abs(v));
      n.set(k, (n.get(k) ?? 0) + 1);
    }
  }
  return Object.fromEntries([...sum].map(([k, s]) => [k, s / n.get(k)!]));
}

/** Features by importance, most important first (ties by name). */
export function rankFeatures(importance: Record<string, number>): string[] {
  return Object.entries(importance)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k]) => k);
}

/** How many of the most important features the attribution-drift flag watches. */
export const ATTRIBUTION_TOP_K = 3;

export interface AttributionDrift {
  reference: string[];
  current: string[];
  /** True when the ordered top-k differs: a feature entered or left, or two swapped places. */
  drifted: boolean;
}

/**
 * Attribution drift: the model leans on different features now than in the reference. Compares
 * the ordered top-k by mean |attribution|; null when either side has no attributions.
 */
export function attributionDrift(
  reference: Record<string, number>,
  current: Record<string, number>,
  k = ATTRIBUTION_TOP_K,
): AttributionDrift | null {
  const ref = rankFeatures(reference).slice(0, k);
  const cur = rankFeatures(current).slice(0, k);
  if (ref.length === 0 || cur.length === 0) return null;
  return { reference: ref, current: cur, drifted: ref.length !== cur.length || ref.some((f, i) => cur[i] !== f) };
}
