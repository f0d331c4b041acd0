import type { SeriesRow } from "./fill-series";

/** Data key of a series' in-progress segment (drawn dashed and faded beside the solid series). */
export const partialKey = (key: string) => `${key}__partial`;

/**
 * Line and area charts draw the unfinished bucket as its own dashed segment: each series loses
 * its value at that bucket, and a second key carries the last finished value and the partial
 * one, so the segment into the bucket that is still filling up never reads as a drop. Bars
 * need none of this (components/charts/time-series-chart.tsx fades the bar itself).
 */
export function splitUnfinished(rows: SeriesRow[], keys: string[], unfinished: number | null): SeriesRow[] {
  const at = unfinished === null ? -1 : rows.findIndex((r) => r.t === unfinished);
  if (at < 0) return rows;
  return rows.map((r, i) => {
    if (i !== at && i !== at - 1) return r;
    const out: SeriesRow = { ...r };
    for (const k of keys) {
      out[partialKey(k)] = r[k] ?? null;
      if (i === at) out[k] = null;
    }
    return out;
  });
}
