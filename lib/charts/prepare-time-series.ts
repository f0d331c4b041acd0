import { INTERVAL_MS, type TimeWindow } from "@/lib/time/ranges";
import { bucketStart, combineSeries, type ApiPoint, type SeriesRow } from "./fill-series";

/** What a chart's values measure; decides gap filling and the axis when everything is zero. */
export type ChartUnit = "count" | "ratio" | "ms" | "usd";

export interface PreparedTimeSeries {
  rows: SeriesRow[];
  stepMs: number;
  /** Start of the bucket the window ends inside (still filling up), or null when every bucket is complete. */
  unfinished: number | null;
  /** Y axis bounds: data-driven, but never a made-up scale when all values are zero or missing. */
  yDomain: [number, number | "auto"];
  allowDecimals: boolean;
}

/** Additive units fill missing buckets with 0; ratios and percentiles leave gaps. */
const MISSING: Record<ChartUnit, "zero" | "gap"> = { count: "zero", usd: "zero", ratio: "gap", ms: "gap" };

/** Top of the axis when there is nothing above zero: one request, 5 %, 100 ms, one cent. */
const EMPTY_MAX: Record<ChartUnit, number> = { count: 1, ratio: 0.05, ms: 100, usd: 0.01 };

/**
 * Rows for a time-series chart over `window`: dense buckets, the unfinished last bucket
 * marked (an additive chart would otherwise read it as a sudden drop), and a y domain that
 * stays sensible for all-zero data (recharts alone picks 0–4, i.e. 0–400 % for a rate).
 */
export function prepareTimeSeries(series: Record<string, ApiPoint[]>, window: TimeWindow, unit: ChartUnit): PreparedTimeSeries {
  const stepMs = INTERVAL_MS[window.interval];
  const rows = combineSeries(series, window, MISSING[unit]);
  const last = bucketStart(window.to, stepMs);
  const unfinished = rows.length > 0 && last + stepMs - 1 > window.to ? last : null;
  let max = 0;
  for (const r of rows) for (const k of Object.keys(series)) max = Math.max(max, r[k] ?? 0);
  const yDomain: [number, number | "auto"] = max > 0 ? [0, unit === "ratio" ? Math.min(1, niceCeil(max)) : "auto"] : [0, EMPTY_MAX[unit]];
  return { rows, stepMs, unfinished, yDomain, allowDecimals: unit !== "count" };
}

/** 1, 2 or 5 times a power of ten at or above `v`, so a rate axis ends on a round number. */
export function niceCeil(v: number): number {
  if (v <= 0) return 0;
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 5, 10]) if (m * p >= v - 1e-12) return m * p;
  return 10 * p;
}

/** The instants one bucket covers, clipped to the window's end (inclusive bounds, as the events API takes them). */
export function bucketBounds(t: number, stepMs: number, windowTo: number): { from: number; to: number } {
  return { from: t, to: Math.min(t + stepMs - 1, windowTo) };
}

/** The range a drag from bucket `a` to bucket `b` (either order) selects: both buckets whole. */
export function dragRange(a: number, b: number, stepMs: number, windowTo: number): { from: number; to: number } {
  return { from: Math.min(a, b), to: Math.min(Math.max(a, b) + stepMs - 1, windowTo) };
}

/**
 * Already-dense rows (the ML tab's per-window series) prepared like `prepareTimeSeries`'s: the
 * bucket width for drill-down and keyboard names, and the last bucket marked unfinished when
 * the window ends inside it.
 */
export function prepareDenseRows(rows: SeriesRow[], stepMs: number, windowTo: number): PreparedTimeSeries {
  const last = rows.at(-1);
  const unfinished = last && last.t + stepMs - 1 > windowTo ? last.t : null;
  return { rows, stepMs, unfinished, yDomain: [0, "auto"], allowDecimals: true };
}
