import type { SeriesRow } from "./fill-series";

/** A bucket's window as people read it: "2026-12-01 14:05–14:10 UTC" (the day once when it does not change). */
export function bucketWindowLabel(t: number, stepMs: number): string {
  const from = new Date(t).toISOString();
  const to = new Date(t + stepMs).toISOString();
  if (stepMs >= 86_400_000) return `${from.slice(0, 10)} UTC`;
  const sameDay = from.slice(0, 10) === to.slice(0, 10) || to.slice(11, 16) === "00:00";
  return `${from.slice(0, 10)} ${from.slice(11, 16)}–${sameDay ? to.slice(11, 16) : `${to.slice(0, 10)} ${to.slice(11, 16)}`} UTC`;
}

/**
 * The accessible name of one chart bucket, e.g. "2026-12-01 14:05–14:10 UTC, 120 requests"
 * or "…, p50 120 ms, p95 300 ms"; the unfinished bucket says so, so a partial count is not
 * heard as a drop either.
 */
export function bucketLabel(
  row: SeriesRow,
  series: { key: string; label: string }[],
  stepMs: number,
  format: (v: number) => string,
  unfinished: number | null,
): string {
  const value = (k: string) => {
    const v = row[k];
    return v === null || v === undefined ? "no data" : format(v);
  };
  const values =
    series.length === 1
      ? row[series[0].key] === null || row[series[0].key] === undefined
        ? `no data for ${series[0].label.toLowerCase()}`
        : `${value(series[0].key)} ${series[0].label.toLowerCase()}`
      : series.map((s) => `${s.label} ${value(s.key)}`).join(", ");
  return `${bucketWindowLabel(row.t, stepMs)}, ${values}${row.t === unfinished ? " (in progress)" : ""}`;
}
