import { z } from "zod";

/**
 * Time, once: instants as the API and the URL accept them, the dashboards' range state, the
 * read endpoints' `from`/`to` parameters, and the rollup resolution that serves a range.
 * Client-safe (no database import): pages, components and services all use this module.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

// ── Instants ────────────────────────────────────────────────────────────────────────────────

/** Epoch milliseconds from an ISO 8601 date-time or a string of digits; null when neither. */
export function parseInstant(v: string | undefined | null): number | null {
  if (!v) return null;
  const ms = /^\d+$/.test(v) ? Number(v) : /^\d{4}-\d{2}-\d{2}/.test(v) ? Date.parse(v) : NaN;
  return Number.isFinite(ms) ? ms : null;
}

/** A query-string instant: ISO 8601 date-time or epoch milliseconds. */
export const instantParam = z.string().transform((v, ctx) => {
  const ms = parseInstant(v);
  if (ms === null) {
    ctx.addIssue({ code: "custom", message: "must be an ISO 8601 date-time or epoch milliseconds" });
    return z.NEVER;
  }
  return ms;
});

// ── Intervals and rollup resolution ─────────────────────────────────────────────────────────

export type Interval = "1m" | "1h" | "1d";
export const INTERVALS = ["1m", "1h", "1d"] as const satisfies readonly Interval[];

/** Bucket width of each interval; equal to the rollup resolutions (db/schema/rollup.ts, checked by a test). */
export const INTERVAL_MS: Record<Interval, number> = { "1m": MINUTE_MS, "1h": HOUR_MS, "1d": DAY_MS };

/** Bucket width that keeps a chart between roughly 15 and 200 points. */
export function intervalFor(spanMs: number): Interval {
  if (spanMs <= 3 * HOUR_MS) return "1m";
  if (spanMs <= 8 * DAY_MS) return "1h";
  return "1d";
}

/** Rollup resolution and inclusive bucket bounds covering [from, to]. */
export function rollupRange(from: number, to: number, interval?: Interval) {
  const iv = interval ?? intervalFor(to - from);
  const resolution = INTERVAL_MS[iv];
  return { interval: iv, resolution, firstBucket: from - (from % resolution), lastBucket: to - (to % resolution) };
}

// ── The dashboards' range state (in the URL) ────────────────────────────────────────────────

/** Preset windows offered by the time picker; "custom" uses explicit `from`/`to`. */
export const RANGE_PRESETS = ["15m", "1h", "24h", "7d", "30d"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

const PRESET_MS: Record<RangePreset, number> = {
  "15m": 15 * MINUTE_MS,
  "1h": HOUR_MS,
  "24h": DAY_MS,
  "7d": 7 * DAY_MS,
  "30d": 30 * DAY_MS,
};

/** URL state shared by every dashboard page: `?range=24h` or `?range=custom&from=…&to=…`, `&refresh=30`. */
export const timeRangeSchema = z.object({
  range: z.enum([...RANGE_PRESETS, "custom"]).catch("24h").default("24h"),
  from: z.string().optional().catch(undefined),
  to: z.string().optional().catch(undefined),
  refresh: z.coerce.number().int().min(0).max(3600).catch(0).default(0),
});
/** A dashboard's time range as the URL holds it (relative presets or a custom pair). */
export type TimeRange = z.infer<typeof timeRangeSchema>;

/** A range resolved to absolute bounds and the chart interval. */
export interface TimeWindow {
  from: number;
  to: number;
  interval: Interval;
}

/**
 * Why a custom range cannot be used, or null when it can. The time controls refuse to apply
 * such a range, and a URL carrying one says so instead of silently showing another window.
 */
export function customRangeProblem(from: string | undefined, to: string | undefined, now = Date.now()): string | null {
  const f = parseInstant(from);
  if (f === null) return from ? "From is not a valid date." : "Pick a start (From).";
  const t = to ? parseInstant(to) : now;
  if (t === null) return "To is not a valid date.";
  if (f >= t) return "From must be before To.";
  if (f > now) return "From is in the future.";
  return null;
}

/** Turns the URL state into absolute epoch-ms bounds at `now`. A broken custom range falls back to 24 h (and says so: customRangeProblem). */
export function resolveWindow(range: TimeRange, now = Date.now()): TimeWindow {
  if (range.range === "custom" && customRangeProblem(range.from, range.to, now) === null) {
    const from = parseInstant(range.from)!;
    const to = parseInstant(range.to) ?? now;
    return { from, to, interval: intervalFor(to - from) };
  }
  const span = PRESET_MS[range.range === "custom" ? "24h" : range.range];
  return { from: now - span, to: now, interval: intervalFor(span) };
}

export function rangeLabel(range: TimeRange): string {
  if (range.range !== "custom") return `Last ${range.range}`;
  if (customRangeProblem(range.from, range.to) !== null) return "Last 24h (the custom range is invalid)";
  const w = resolveWindow(range);
  const fmt = (t: number) => new Date(t).toISOString().slice(0, 16).replace("T", " ");
  return `${fmt(w.from)} – ${fmt(w.to)} UTC`;
}

// ── The read endpoints' query parameters ────────────────────────────────────────────────────

/** Absolute bounds in epoch ms, `from` inclusive. */
export interface TimeSpan {
  from: number;
  to: number;
}

/** `from`/`to` shared by the read endpoints; default is the last 24 hours. */
export const timeRangeParams = {
  from: instantParam.optional(),
  to: instantParam.optional(),
};

export function resolveRange(q: { from?: number; to?: number }, now = Date.now()): TimeSpan {
  const to = q.to ?? now;
  return { from: q.from ?? to - DAY_MS, to };
}

/** zod refinement for schemas that spread `timeRangeParams`. */
export function rangeIsOrdered(q: { from?: number; to?: number }): boolean {
  return q.from === undefined || q.to === undefined || q.from < q.to;
}

/** `from`/`to`/`interval` query parameters of the dashboard read endpoints (default: last 24 h). */
export const windowQuerySchema = z
  .object({
    ...timeRangeParams,
    interval: z.enum(INTERVALS).optional(),
  })
  .transform((q) => {
    const to = q.to ?? Date.now();
    return { from: q.from ?? to - DAY_MS, to, interval: q.interval };
  })
  .refine((q) => q.from < q.to, { message: "from must be before to", path: ["from"] });

export type WindowQuery = z.output<typeof windowQuerySchema>;
