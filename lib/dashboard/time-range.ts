import { z } from "zod";

/** Preset windows offered by the time picker; "custom" uses explicit `from`/`to`. */
export const RANGE_PRESETS = ["15m", "1h", "24h", "7d", "30d"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export type Interval = "1m" | "1h" | "1d";

export const INTERVAL_MS: Record<Interval, number> = { "1m": 60_000, "1h": 3_600_000, "1d": 86_400_000 };

const PRESET_MS: Record<RangePreset, number> = {
  "15m": 15 * 60_000,
  "1h": 3_600_000,
  "24h": 86_400_000,
  "7d": 7 * 86_400_000,
  "30d": 30 * 86_400_000,
};

/** URL state shared by every dashboard page: `?range=24h` or `?range=custom&from=…&to=…`, `&refresh=30`. */
export const timeRangeSchema = z.object({
  range: z.enum([...RANGE_PRESETS, "custom"]).catch("24h").default("24h"),
  from: z.string().optional().catch(undefined),
  to: z.string().optional().catch(undefined),
  refresh: z.coerce.number().int().min(0).max(3600).catch(0).default(0),
});
export type TimeRange = z.infer<typeof timeRangeSchema>;

export interface TimeWindow {
  from: number;
  to: number;
  interval: Interval;
}

/** Bucket width that keeps a chart between roughly 15 and 200 points. */
export function intervalFor(spanMs: number): Interval {
  if (spanMs <= 3 * 3_600_000) return "1m";
  if (spanMs <= 8 * 86_400_000) return "1h";
  return "1d";
}

export function parseInstant(v: string | undefined): number | null {
  if (!v) return null;
  const n = /^\d+$/.test(v) ? Number(v) : Date.parse(v);
  return Number.isFinite(n) ? n : null;
}

/**
 * Why a custom range cannot be used, or null when it can. The controls refuse to apply such a
 * range and a URL carrying one says so instead of silently showing another window.
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
