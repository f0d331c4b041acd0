import type { Interval } from "@/lib/time/ranges";

const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return "—";
  return Math.abs(n) < 10_000 ? Math.round(n).toLocaleString("en-US") : compact.format(n);
}

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return "—";
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  return `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
}

export function formatUsd(usd: number | null | undefined): string {
  if (usd === null || usd === undefined || !Number.isFinite(usd)) return "—";
  if (usd === 0) return "$0";
  if (Math.abs(usd) < 0.01) return `$${usd.toPrecision(2)}`;
  if (Math.abs(usd) >= 10_000) return `$${compact.format(usd)}`;
  return `$${usd.toFixed(2)}`;
}

/** Rates are fractions (0.012 → "1.2%"). */
export function formatPercent(rate: number | null | undefined, digits = 1): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return "—";
  if (rate > 0 && rate < 0.001) return "<0.1%";
  return `${(rate * 100).toFixed(digits)}%`;
}

/** Relative change of b against a, "+12.3%" / "−4.0%"; "—" when a is zero or missing. */
export function formatDeltaPct(a: number | null | undefined, b: number | null | undefined): string {
  if (a === null || a === undefined || b === null || b === undefined || a === 0) return "—";
  const d = ((b - a) / Math.abs(a)) * 100;
  if (Math.abs(d) < 0.05) return "0%";
  return `${d > 0 ? "+" : "−"}${Math.abs(d).toFixed(1)}%`;
}

/** Axis tick label for a bucket start, in UTC so server and browser render the same text. */
export function formatTick(t: number, interval: Interval): string {
  const iso = new Date(t).toISOString();
  if (interval === "1d") return iso.slice(5, 10);
  if (interval === "1h") return iso.slice(11, 13) === "00" ? iso.slice(5, 10) : `${iso.slice(11, 16)}`;
  return iso.slice(11, 16);
}

export function formatTimestamp(t: number | string): string {
  const d = typeof t === "number" ? new Date(t) : new Date(t);
  return Number.isNaN(d.getTime()) ? String(t) : d.toISOString().replace("T", " ").slice(0, 19);
}
