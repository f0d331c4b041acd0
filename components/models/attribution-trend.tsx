"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { INTERVAL_MS, resolveWindow, type TimeRange } from "@/lib/time/ranges";
import { prepareDenseRows } from "@/lib/charts/prepare-time-series";
import { usePredictionDrill } from "./use-prediction-drill";
import { attributionRows } from "@/lib/quality/prepare-attribution-view";
import { attributionSeriesQuery } from "@/lib/queries/models";

const TimeSeriesChart = dynamic(() => import("@/components/charts/time-series-chart"), { ssr: false, loading: () => <Skeleton className="h-[180px]" /> });
const COLORS = ["var(--chart-1)", "var(--chart-2)", "var(--chart-3)", "var(--chart-4)"];

/** Mean |attribution| of the most important features per interval. */
export function AttributionTrend({ project, model, version, range }: { project: string | null; model: string; version?: string; range: TimeRange }) {
  const q = useQuery(attributionSeriesQuery(project, model, { version }, range));
  const drillTo = usePredictionDrill(project, model, version);
  const window = resolveWindow(range);
  const interval = window.interval === "1d" ? "1d" : "1h";
  const prepared = q.data ? attributionRows(q.data, { ...window, interval }) : null;
  const drill = (t: number) => drillTo(t, INTERVAL_MS[interval], window.to);
  return (
    <Card>
      <CardHeader title="Attributions over time" description="Mean |attribution| of the top features" actions={q.data?.sampled ? <Badge tone="accent">Sampled</Badge> : null} />
      <CardBody>
        {q.error ? <ErrorState error={q.error} /> : !prepared ? <Skeleton className="h-[180px]" /> : prepared.features.length === 0 ? (
          <p className="flex h-[180px] items-center justify-center text-xs text-muted">No prediction in this range carries attributions.</p>
        ) : (
          <TimeSeriesChart
            prepared={prepareDenseRows(prepared.rows, INTERVAL_MS[interval], window.to)}
            series={prepared.features.map((f, i) => ({ key: `f${i}`, label: f, color: COLORS[i] }))}
            interval={interval}
            format={(v) => v.toFixed(3)}
            onPick={drill}
            label="Attributions over time"
          />
        )}
      </CardBody>
    </Card>
  );
}
