import { queryOptions } from "@tanstack/react-query";
import { resolveWindow, type TimeRange } from "@/lib/time/ranges";
import type { DriftSeries } from "@/lib/drift/get-drift-series";
import type { DriftReport } from "@/lib/drift/schemas";
import type { LineageView } from "@/lib/models/lineage-schemas";
import type { AttributionSeries } from "@/lib/quality/get-attribution-series";
import type { PerformanceReport } from "@/lib/quality/schemas";
import { apiGet, apiPostText } from "./api-client";
import { queryKeys } from "./keys";

export type { AttributionSeries, DriftReport, DriftSeries, LineageView, PerformanceReport };

const path = (model: string, rest: string) => `/api/v1/models/${encodeURIComponent(model)}/${rest}`;
const refetch = (range: TimeRange) => (range.refresh > 0 ? range.refresh * 1000 : false);

export function driftReportQuery(project: string | null, model: string, params: { version?: string }, range: TimeRange) {
  return queryOptions({
    queryKey: queryKeys.modelDrift(project, model, params, range),
    queryFn: () => {
      const w = resolveWindow(range);
      return apiGet<DriftReport>(path(model, "drift"), { project, ...params, from: w.from, to: w.to });
    },
    refetchInterval: refetch(range),
  });
}

export function driftSeriesQuery(project: string | null, model: string, range: TimeRange) {
  return queryOptions({
    queryKey: queryKeys.modelDriftSeries(project, model, range),
    queryFn: () => {
      const w = resolveWindow(range);
      return apiGet<DriftSeries>(path(model, "drift/timeseries"), { project, from: w.from, to: w.to, resolution: w.interval === "1d" ? "1d" : "1h" });
    },
    refetchInterval: refetch(range),
  });
}

export function performanceQuery(project: string | null, model: string, params: { version?: string }, range: TimeRange) {
  return queryOptions({
    queryKey: queryKeys.modelPerformance(project, model, params, range),
    queryFn: () => {
      const w = resolveWindow(range);
      return apiGet<PerformanceReport>(path(model, "performance"), { project, ...params, from: w.from, to: w.to, interval: w.interval === "1d" ? "1d" : "1h" });
    },
    refetchInterval: refetch(range),
  });
}

export function attributionSeriesQuery(project: string | null, model: string, params: { version?: string }, range: TimeRange) {
  return queryOptions({
    queryKey: queryKeys.modelAttributions(project, model, params, range),
    queryFn: () => {
      const w = resolveWindow(range);
      return apiGet<AttributionSeries>(path(model, "attributions"), { project, ...params, from: w.from, to: w.to, interval: w.interval === "1d" ? "1d" : "1h" });
    },
    refetchInterval: refetch(range),
  });
}

export function lineageQuery(project: string | null, model: string) {
  return queryOptions({
    queryKey: queryKeys.modelLineage(project, model),
    queryFn: () => apiGet<{ versions: LineageView[] }>(path(model, "versions"), { project }),
  });
}

/** Uploads a CSV reference dataset as the model's (or a version's) drift baseline. */
export function uploadReferenceCsv(project: string | null, model: string, name: string, csv: string, version?: string) {
  return apiPostText<{ reference: unknown }>(path(model, "reference"), csv, "text/csv", { project, name, version });
}
