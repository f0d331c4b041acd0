"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Stat } from "@/components/ui/stat";
import { formatCount, formatPercent } from "@/lib/charts/format";
import { resolveWindow, type TimeRange } from "@/lib/time/ranges";
import { driftOverTimeRows } from "@/lib/drift/prepare-drift-view";
import { prepareDenseRows } from "@/lib/charts/prepare-time-series";
import { INTERVAL_MS } from "@/lib/time/ranges";
import { usePredictionDrill } from "./use-prediction-drill";
import { driftReportQuery, driftSeriesQuery, type DriftReport } from "@/lib/queries/models";
import { AttributionTrend } from "./attribution-trend";
import { AttributionsCard } from "./attributions-card";
import { DriftFeaturesTable } from "./drift-features-table";
import { ReferenceUpload } from "./reference-upload";

const FeatureHistogram = dynamic(() => import("./feature-histogram"), { ssr: false, loading: () => <Skeleton className="h-[200px]" /> });
const TimeSeriesChart = dynamic(() => import("@/components/charts/time-series-chart"), { ssr: false, loading: () => <Skeleton className="h-[180px]" /> });
const COLORS = ["var(--chart-2)", "var(--chart-3)", "var(--chart-4)", "var(--chart-1)"];

export function DriftTab({ project, model, version, range }: { project: string | null; model: string; version?: string; range: TimeRange }) {
  const report = useQuery(driftReportQuery(project, model, { version }, range));
  const series = useQuery(driftSeriesQuery(project, model, range));
  const [picked, setPicked] = useState<string | null>(null);
  const drillTo = usePredictionDrill(project, model, version);
  if (report.error) return <ErrorState error={report.error} />;
  if (report.isPending) return <Skeleton className="h-64" />;
  const r = report.data;
  const selected = r.features.find((f) => f.name === picked) ?? r.features[0] ?? null;
  const window = resolveWindow(range);
  const driftInterval = window.interval === "1d" ? "1d" : "1h";
  const overTime = series.data ? driftOverTimeRows(series.data, window) : null;
  return (
    <div className="flex flex-col gap-3">
      <section className="grid grid-cols-2 gap-3 md:grid-cols-4" aria-label="Drift summary">
        <Stat label="Drifted features" value={`${r.features.filter((f) => f.drifted).length} / ${r.features.length}`} tone={r.datasetDrifted ? "bad" : undefined} />
        <Stat label="Drift share" value={formatPercent(r.driftShare, 0)} hint={`dataset drifts at ≥ ${formatPercent(r.driftShareThreshold, 0)}`} tone={r.datasetDrifted ? "bad" : "ok"} />
        <Stat label="Prediction drift" value={r.prediction ? (r.prediction.drifted ? "Drifted" : "Stable") : "—"} tone={r.prediction?.drifted ? "warn" : undefined} />
        <Stat label="Label drift" value={r.label ? (r.label.drifted ? "Drifted" : "Stable") : "—"} hint={r.label ? undefined : "no labels in both windows"} />
      </section>
      <ReferenceNote r={r} />
      <ReferenceUpload project={project} model={model} version={version} />
      <Card>
        <CardHeader title="Feature drift" description="Most severe first · Evidently's default methods" />
        {r.features.length === 0 ? (
          <CardBody className="text-xs text-muted">No features to compare: the reference or the current window has no predictions with features.</CardBody>
        ) : (
          <DriftFeaturesTable features={r.features} selected={selected?.name ?? null} onSelect={setPicked} />
        )}
      </Card>
      <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
        {selected ? (
          <Card aria-label={`Histogram of ${selected.name}`} data-testid="feature-histogram">
            <CardHeader
              title={<>Distribution · {selected.name}</>}
              description="Share of rows per bin, reference vs current"
              actions={selected.drifted ? <Badge tone="bad">Drifted</Badge> : <Badge tone="ok">Stable</Badge>}
            />
            <CardBody>
              <FeatureHistogram bins={selected.histogram} />
            </CardBody>
          </Card>
        ) : null}
        <Card>
          <CardHeader title="Drift over time" description="Computed per window by the scheduler; client-reported drift.* metrics beside" />
          <CardBody>
            {series.error ? <ErrorState error={series.error} /> : !overTime ? <Skeleton className="h-[180px]" /> : series.data?.driftShare.length === 0 && series.data.reported.length === 0 ? (
              <p className="flex h-[180px] items-center justify-center text-center text-xs text-muted">
                No drift windows yet: the scheduler computes each complete hour and day (every 10 minutes).
              </p>
            ) : (
              <TimeSeriesChart
                prepared={prepareDenseRows(overTime.rows, INTERVAL_MS[driftInterval], window.to)}
                series={overTime.defs.map((d, i) => ({ ...d, color: COLORS[i % COLORS.length] }))}
                interval={driftInterval}
                format={(v) => v.toFixed(2)}
                onPick={(t) => drillTo(t, INTERVAL_MS[driftInterval], window.to)}
                label="Drift over time"
              />
            )}
          </CardBody>
        </Card>
      </div>
      <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
        <AttributionsCard attributions={r.attributions} />
        <AttributionTrend project={project} model={model} version={version} range={range} />
      </div>
    </div>
  );
}

function ReferenceNote({ r }: { r: DriftReport }) {
  const ref = r.reference;
  const what =
    ref.kind === "dataset"
      ? `uploaded dataset "${ref.datasetName}"${ref.trainingDatasetOf.length ? ` (training data of version ${ref.trainingDatasetOf.join(", ")})` : ""}`
      : ref.kind === "version"
        ? `all predictions of version ${ref.version}`
        : `${ref.kind === "previous_window" ? "the previous window" : "the window"} ${fmt(ref.from)} – ${fmt(ref.to)}`;
  const sampled = ref.sampled || r.current.sampled;
  return (
    <p className="text-xs text-muted" data-testid="reference-note">
      Reference: {what} · {formatCount(ref.count)} rows{ref.source === "default" ? " (default)" : ""} · current {formatCount(r.current.count)} rows.
      {sampled ? <> <Badge tone="accent">Sampled</Badge> computed on a uniform random sample of at most {formatCount(r.sampleSize)} rows per side.</> : null}
    </p>
  );
}

const fmt = (iso: string | null) => (iso ? iso.slice(0, 16).replace("T", " ") : "…");
