import { combineSeries, type SeriesRow } from "@/lib/charts/fill-series";
import type { TimeWindow } from "@/lib/time/ranges";
import { METHOD_INFO, type DriftMethod } from "./methods";
import type { DriftSeries } from "./get-drift-series";

/** "p = 0.0012" for tests, the distance itself for distances; ∞ for an unbounded chi-square. */
export function formatDriftScore(f: { method: DriftMethod; statistic: number | null; pValue?: number }): string {
  if (METHOD_INFO[f.method].test === "p_value") {
    const p = f.pValue ?? 1;
    return `p = ${p < 0.0001 ? p.toExponential(1) : p.toPrecision(2)}`;
  }
  return f.statistic === null ? "∞" : f.statistic.toFixed(3);
}

/** "p < 0.05" or "≥ 0.1": how the method's threshold reads. */
export function formatThreshold(f: { method: DriftMethod; threshold: number }): string {
  return METHOD_INFO[f.method].test === "p_value" ? `p < ${f.threshold}` : `≥ ${f.threshold}`;
}

export function methodLabel(method: DriftMethod): string {
  return METHOD_INFO[method].label;
}

/**
 * Rows for the drift-over-time chart: the computed drift share beside each client-reported drift.*
 * metric, on the window's buckets (gaps where nothing was computed or sent). Reported points
 * falling in one bucket keep the last value.
 */
export function driftOverTimeRows(series: DriftSeries, window: TimeWindow): { rows: SeriesRow[]; defs: { key: string; label: string }[] } {
  const input: Record<string, { t: string; value: number | null }[]> = { share: series.driftShare };
  const defs = [{ key: "share", label: "Drift share (computed)" }];
  series.reported.forEach((r, i) => {
    const key = `reported${i}`;
    input[key] = r.points;
    defs.push({ key, label: `${r.name}${r.feature ? ` · ${r.feature}` : ""} (reported)` });
  });
  return { rows: combineSeries(input, window, "gap"), defs };
}
