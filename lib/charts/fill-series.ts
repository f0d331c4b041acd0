import { INTERVAL_MS, type TimeWindow } from "@/lib/time/ranges";

export interface ApiPoint {
  t: string | number;
  value: number | null;
}

export interface SeriesPoint {
  t: number;
  value: number | null;
}

/** Start of the bucket holding `t`. Buckets are aligned to the epoch, like the rollups. */
export function bucketStart(t: number, stepMs: number): number {
  return Math.floor(t / stepMs) * stepMs;
}

/**
 * Dense series over the window: one point per bucket from the bucket holding `from` to the one
 * holding `to`. Missing buckets become 0 for additive metrics (count, tokens, cost) and null for
 * ratios and percentiles (no traffic is not "0 ms" — the chart shows a gap).
 */
export function fillSeries(points: ApiPoint[], window: TimeWindow, missing: "zero" | "gap"): SeriesPoint[] {
  const step = INTERVAL_MS[window.interval];
  const byBucket = new Map<number, number | null>();
  for (const p of points) {
    const t = typeof p.t === "number" ? p.t : Date.parse(p.t);
    if (Number.isFinite(t)) byBucket.set(bucketStart(t, step), p.value);
  }
  const out: SeriesPoint[] = [];
  const end = bucketStart(window.to, step);
  for (let t = bucketStart(window.from, step); t <= end; t += step) {
    const v = byBucket.get(t);
    out.push({ t, value: v === undefined || v === null ? (missing === "zero" ? 0 : null) : v });
  }
  return out;
}

export type SeriesRow = { t: number } & Record<string, number | null>;

/** Several filled series of the same window as rows `{t, p50, p95, …}` for a multi-line chart. */
export function combineSeries(series: Record<string, ApiPoint[]>, window: TimeWindow, missing: "zero" | "gap"): SeriesRow[] {
  const names = Object.keys(series);
  const filled = names.map((n) => fillSeries(series[n], window, missing));
  if (filled.length === 0) return [];
  return filled[0].map((p, i) => {
    const row: SeriesRow = { t: p.t };
    names.forEach((n, j) => (row[n] = filled[j][i].value));
    return row;
  });
}

/** Total of a filled series, ignoring gaps. */
export function seriesTotal(points: SeriesPoint[]): number {
  return points.reduce((s, p) => s + (p.value ?? 0), 0);
}
