"use client";

import { useQueries } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { Card, CardHeader } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { combineSeries } from "@/lib/charts/fill-series";
import type { TimeRange } from "@/lib/time/ranges";
import { timeseriesQuery, type TimeseriesMetric, type TimeseriesParams } from "@/lib/queries/metrics";
import type { SeriesDef } from "./time-series-chart";

// recharts is loaded only where a chart is on screen, never in the shared bundle.
const TimeSeriesChart = dynamic(() => import("./time-series-chart"), { ssr: false, loading: () => <Skeleton className="h-[180px]" /> });

/** Additive metrics fill missing buckets with 0; ratios and percentiles leave gaps. */
const ADDITIVE: TimeseriesMetric[] = ["count", "cost_usd", "tokens"];

export function MetricChart({
  title,
  description,
  project,
  range,
  filter,
  series,
  format,
  variant,
}: {
  title: string;
  description?: string;
  project: string | null;
  range: TimeRange;
  filter: Omit<TimeseriesParams, "metric">;
  series: (SeriesDef & { metric: TimeseriesMetric })[];
  format: (v: number) => string;
  variant?: "line" | "area" | "bar";
}) {
  const results = useQueries({ queries: series.map((s) => timeseriesQuery(project, { ...filter, metric: s.metric }, range)) });
  const error = results.find((r) => r.error)?.error;
  const ready = results.every((r) => r.data);
  let body: React.ReactNode = <Skeleton className="h-[180px]" />;
  if (error) body = <ErrorState error={error} />;
  else if (ready) {
    const window = results[0].data!.window;
    const rows = combineSeries(
      Object.fromEntries(series.map((s, i) => [s.key, results[i].data!.points])),
      window,
      ADDITIVE.includes(series[0].metric) ? "zero" : "gap",
    );
    body = <TimeSeriesChart rows={rows} series={series} interval={window.interval} format={format} variant={variant} />;
  }
  return (
    <Card data-testid={`chart-${title}`}>
      <CardHeader title={title} description={description} />
      <div className="px-1 pb-1 pt-2">{body}</div>
    </Card>
  );
}
