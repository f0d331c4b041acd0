import { queryOptions } from "@tanstack/react-query";
import { resolveWindow, type TimeRange, type TimeWindow } from "@/lib/time/ranges";
import type { MetricsGroup } from "@/lib/metrics/get-metrics";
import type { VersionOverlap } from "@/lib/metrics/get-version-overlap";
import type { Point, TimeseriesMetric } from "@/lib/metrics/get-timeseries";
import { apiGet } from "./api-client";
import { queryKeys } from "./keys";

export type { MetricsGroup, Point, TimeseriesMetric };

/** First/last seen of two versions of a model or prompt and their overlap (GET /api/v1/version-overlap). */
export function versionOverlapQuery(project: string | null, params: { model?: string; promptId?: string; a: string; b: string }, enabled: boolean) {
  return queryOptions({
    queryKey: queryKeys.versionOverlap(project, { ...params }),
    queryFn: () => apiGet<VersionOverlap>("/api/v1/version-overlap", { project, ...params }),
    enabled,
  });
}

export interface MetricsParams {
  groupBy: "model" | "modelVersion" | "prompt" | "promptVersion";
  model?: string;
  promptId?: string;
}

export function metricsQuery(project: string | null, params: MetricsParams, range: TimeRange) {
  return queryOptions({
    queryKey: queryKeys.metrics(project, { ...params }, range),
    queryFn: () => {
      const w = resolveWindow(range);
      return apiGet<{ groups: MetricsGroup[] }>("/api/v1/metrics", { project, ...params, from: w.from, to: w.to });
    },
    refetchInterval: range.refresh > 0 ? range.refresh * 1000 : false,
  });
}

export interface TimeseriesParams {
  metric: TimeseriesMetric;
  model?: string;
  modelVersion?: string;
  promptId?: string;
  promptVersion?: number;
}

/** Returns the window it asked for with the points, so gap filling uses the same bounds. */
export interface TimeseriesResult {
  window: TimeWindow;
  points: Point[];
}

export function timeseriesQuery(project: string | null, params: TimeseriesParams, range: TimeRange) {
  return queryOptions({
    queryKey: queryKeys.timeseries(project, { ...params }, range),
    queryFn: async (): Promise<TimeseriesResult> => {
      const window = resolveWindow(range);
      const res = await apiGet<{ points: Point[] }>("/api/v1/metrics/timeseries", {
        project,
        ...params,
        from: window.from,
        to: window.to,
        interval: window.interval,
      });
      return { window, points: res.points };
    },
    refetchInterval: range.refresh > 0 ? range.refresh * 1000 : false,
  });
}
