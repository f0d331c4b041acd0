"use client";

import { useQueries } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useTimeRange } from "@/components/dashboard/time-controls";
import { StickyLink } from "@/components/layout/nav-link";
import { Card, CardHeader } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { bucketBounds, dragRange, prepareTimeSeries, type ChartUnit } from "@/lib/charts/prepare-time-series";
import { eventsHref, eventsHrefForRange, type EventsDrillDown } from "@/lib/dashboard/drill-down";
import type { Interval, TimeRange } from "@/lib/time/ranges";
import { timeseriesQuery, type TimeseriesMetric, type TimeseriesParams } from "@/lib/queries/metrics";
import { ChartLegend } from "./chart-legend";
import type { SeriesDef } from "./time-series-chart";

// recharts is loaded only where a chart is on screen, never in the shared bundle.
const TimeSeriesChart = dynamic(() => import("./time-series-chart"), { ssr: false, loading: () => <Skeleton className="h-[180px]" /> });

/** Explorer filters for a chart: its dimension filter plus the event type its numbers count. */
export type ChartDrill = Omit<EventsDrillDown, "from" | "to" | "project">;

/**
 * One card, one metric family over the page's range. A click on a bucket opens the events
 * behind it; a drag across buckets zooms the page's range to them.
 */
export function MetricChart({
  title,
  description,
  project,
  range,
  filter,
  series,
  format,
  unit,
  variant,
  drill,
}: {
  title: string;
  description?: string;
  project: string | null;
  range: TimeRange;
  filter: Omit<TimeseriesParams, "metric">;
  series: (SeriesDef & { metric: TimeseriesMetric })[];
  format: (v: number) => string;
  unit: ChartUnit;
  variant?: "line" | "area" | "bar";
  /** Explorer filters the chart's numbers correspond to; enables click-through. */
  drill?: ChartDrill;
}) {
  const router = useRouter();
  const [, setRange] = useTimeRange();
  const results = useQueries({ queries: series.map((s) => timeseriesQuery(project, { ...filter, metric: s.metric }, range)) });
  const failed = results.find((r) => r.error);
  const ready = results.every((r) => r.data);
  let body: React.ReactNode = <Skeleton className="h-[180px]" />;
  if (failed) body = <ErrorState error={failed.error} onRetry={() => results.forEach((r) => r.error && r.refetch())} retrying={results.some((r) => r.isRefetching)} />;
  else if (ready) {
    const window = results[0].data!.window;
    const prepared = prepareTimeSeries(Object.fromEntries(series.map((s, i) => [s.key, results[i].data!.points])), window, unit);
    body = (
      <>
      <TimeSeriesChart
        label={title}
        prepared={prepared}
        series={series}
        interval={window.interval}
        format={format}
        variant={variant}
        onPick={drill ? (t) => router.push(eventsHref({ project, ...drill, ...bucketBounds(t, prepared.stepMs, window.to) })) : undefined}
        onDrag={(a, b) => {
          const r = dragRange(a, b, prepared.stepMs, window.to);
          setRange({ range: "custom", from: String(r.from), to: String(r.to) });
        }}
      />
      {prepared.unfinished !== null ? (
        <p data-testid="unfinished-note" className="px-2 pb-1 text-[11px] text-muted">
          {variant === "bar" ? "Faded bar" : "Dashed end"}: the current {intervalLabel(window.interval)}, still filling up.
        </p>
      ) : null}
      </>
    );
  }
  return (
    <Card data-testid={`chart-${title}`}>
      <CardHeader
        title={title}
        description={description}
        actions={
          drill ? (
            <StickyLink href={eventsHrefForRange({ project, ...drill }, range)} className="text-xs text-accent hover:underline" aria-label={`Events behind ${title}`}>
              Events
            </StickyLink>
          ) : null
        }
      />
      {series.length > 1 ? <ChartLegend series={series} /> : null}
      <div className="px-1 pb-1 pt-2">{body}</div>
    </Card>
  );
}

const INTERVAL_WORDS: Record<Interval, string> = { "1m": "minute", "1h": "hour", "1d": "day" };
const intervalLabel = (i: Interval) => INTERVAL_WORDS[i];
