"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Stat } from "@/components/ui/stat";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { formatCount, formatPercent } from "@/lib/charts/format";
import { INTERVAL_MS, resolveWindow, type TimeRange } from "@/lib/time/ranges";
import { prepareDenseRows } from "@/lib/charts/prepare-time-series";
import { usePredictionDrill } from "./use-prediction-drill";
import { formatDelay, performanceRows } from "@/lib/quality/prepare-performance-view";
import { performanceQuery, type PerformanceReport } from "@/lib/queries/models";
import { ConfusionMatrix } from "./confusion-matrix";

const TimeSeriesChart = dynamic(() => import("@/components/charts/time-series-chart"), { ssr: false, loading: () => <Skeleton className="h-[180px]" /> });
const num = (v: number | null | undefined, d = 3) => (v === null || v === undefined ? "—" : v.toFixed(d));
const pct = (v: number | null | undefined) => formatPercent(v ?? null, 1);

export function PerformanceTab({ project, model, version, range }: { project: string | null; model: string; version?: string; range: TimeRange }) {
  const q = useQuery(performanceQuery(project, model, { version }, range));
  const drillTo = usePredictionDrill(project, model, version);
  if (q.error) return <ErrorState error={q.error} />;
  if (q.isPending) return <Skeleton className="h-64" />;
  const r = q.data;
  const o = r.overall;
  const window = resolveWindow(range);
  const chart = performanceRows(r, { ...window, interval: r.interval });
  const prepared = prepareDenseRows(chart.rows, INTERVAL_MS[r.interval], window.to);
  const drill = (t: number) => drillTo(t, prepared.stepMs, window.to);
  const c = o.classification;
  const g = o.regression;
  return (
    <div className="flex flex-col gap-3">
      <section className="grid grid-cols-2 gap-3 md:grid-cols-5" aria-label="Performance summary">
        {r.task === "classification" ? (
          <>
            <Stat label="Accuracy" value={pct(c?.accuracy)} hint={c ? `${formatCount(c.count)} labelled` : "no labels yet"} />
            <Stat label="F1 (macro)" value={num(c?.f1Macro)} hint={`precision ${num(c?.precisionMacro, 2)} · recall ${num(c?.recallMacro, 2)}`} />
            <Stat label="ROC AUC" value={num(c?.rocAuc)} hint={c?.rocAuc === null ? "needs scores, two classes" : undefined} />
          </>
        ) : (
          <>
            <Stat label="MAE" value={num(g?.mae)} hint={g ? `${formatCount(g.count)} labelled` : "no labels yet"} />
            <Stat label="RMSE" value={num(g?.rmse)} />
            <Stat label="MAPE" value={pct(g?.mape)} />
          </>
        )}
        <Stat label="Label coverage" value={pct(o.labelCoverage)} hint={`${formatCount(o.labelled)} of ${formatCount(o.predictions)} predictions`} />
        <Stat label="Label delay (median)" value={formatDelay(o.medianLabelDelayMs)} />
      </section>
      <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
        <Card>
          <CardHeader title="Quality over time" description="From labels joined to their predictions" />
          <CardBody>
            <TimeSeriesChart
              prepared={prepared}
              series={chart.quality.map((s, i) => ({ ...s, color: i === 0 ? "var(--chart-1)" : "var(--chart-3)" }))}
              interval={r.interval}
              format={(v) => v.toFixed(2)}
              onPick={drill}
              label="Quality over time"
            />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Label coverage" description="Share of predictions labelled, per bucket" />
          <CardBody>
            <TimeSeriesChart prepared={prepared} series={[{ key: "coverage", label: "Coverage", color: "var(--chart-2)" }]} interval={r.interval} format={(v) => formatPercent(v, 0)} variant="area" onPick={drill} label="Label coverage" />
          </CardBody>
        </Card>
      </div>
      <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
        {c ? (
          <Card>
            <CardHeader title="Confusion matrix" />
            <ConfusionMatrix classes={c.confusion.classes} matrix={c.confusion.matrix} />
          </Card>
        ) : null}
        <VersionsTable r={r} />
      </div>
    </div>
  );
}

function VersionsTable({ r }: { r: PerformanceReport }) {
  return (
    <Card>
      <CardHeader title="Per version" />
      <Table aria-label="Performance per version">
        <thead>
          <tr>
            <Th>Version</Th>
            <Th align="right">Predictions</Th>
            <Th align="right">Coverage</Th>
            {r.task === "classification" ? <Th align="right">Accuracy</Th> : <Th align="right">MAE</Th>}
            {r.task === "classification" ? <Th align="right">F1</Th> : <Th align="right">RMSE</Th>}
            <Th align="right">Label delay</Th>
          </tr>
        </thead>
        <tbody>
          {r.versions.map((v) => (
            <Tr key={v.version ?? "(none)"}>
              <Td className="font-medium">{v.version ?? "(none)"}</Td>
              <Td align="right">{formatCount(v.predictions)}</Td>
              <Td align="right">{pct(v.labelCoverage)}</Td>
              <Td align="right">{r.task === "classification" ? pct(v.classification?.accuracy) : num(v.regression?.mae)}</Td>
              <Td align="right">{r.task === "classification" ? num(v.classification?.f1Macro) : num(v.regression?.rmse)}</Td>
              <Td align="right">{formatDelay(v.medianLabelDelayMs)}</Td>
            </Tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
