import { combineSeries, type SeriesRow } from "@/lib/charts/fill-series";
import type { TimeWindow } from "@/lib/time/ranges";
import type { AttributionSeries } from "./get-attribution-series";

/** Lines for the most important features only: more than a handful of lines reads as noise. */
export const ATTRIBUTION_CHART_FEATURES = 4;

/** Chart rows of mean |attribution| per bucket for the top features (gaps where a bucket had none). */
export function attributionRows(series: AttributionSeries, window: TimeWindow): { rows: SeriesRow[]; features: string[] } {
  const features = series.features.slice(0, ATTRIBUTION_CHART_FEATURES);
  const input = Object.fromEntries(features.map((f, i) => [`f${i}`, series.points.map((p) => ({ t: p.t, value: p.importance[f] ?? null }))]));
  return { rows: features.length ? combineSeries(input, window, "gap") : [], features };
}
