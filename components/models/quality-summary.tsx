"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { formatPercent } from "@/lib/charts/format";
import type { TimeRange } from "@/lib/time/ranges";
import { formatDelay } from "@/lib/quality/prepare-performance-view";
import { driftReportQuery, performanceQuery } from "@/lib/queries/models";

const FeatureHistogram = dynamic(() => import("./feature-histogram"), { ssr: false, loading: () => <Skeleton className="h-[180px]" /> });

interface Props {
  project: string | null;
  model: string;
  version?: string;
  range: TimeRange;
  onOpen: (tab: "drift" | "performance") => void;
}

/** The overview tab's two ML cards: the prediction distribution against the reference, and computed drift and accuracy. */
export function QualitySummary({ project, model, version, range, onOpen }: Props) {
  const drift = useQuery(driftReportQuery(project, model, { version }, range));
  const perf = useQuery(performanceQuery(project, model, { version }, range));
  const pred = drift.data?.prediction;
  const top = drift.data?.features[0];
  const o = perf.data?.overall;
  return (
    <>
      <Card>
        <CardHeader title="Prediction distribution" description="Predicted values, reference vs current window" actions={pred ? <Badge tone={pred.drifted ? "warn" : "ok"}>{pred.drifted ? "Drifted" : "Stable"}</Badge> : null} />
        <CardBody>
          {drift.isPending ? <Skeleton className="h-[180px]" /> : pred ? <FeatureHistogram bins={pred.histogram} height={180} /> : <p className="flex h-[180px] items-center justify-center text-xs text-muted">No predictions in the reference or current window.</p>}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Drift & accuracy" description="Computed from features and late labels" />
        <CardBody className="grid h-[204px] grid-cols-2 content-center gap-3 text-xs">
          <button type="button" className="rounded-md border border-border p-2 text-left hover:bg-surface-2" onClick={() => onOpen("drift")}>
            <div className="text-muted">Drift share</div>
            <div className="text-lg font-semibold tabular">{drift.data ? formatPercent(drift.data.driftShare, 0) : "—"}</div>
            <div className="truncate text-muted">{top ? `${top.name}: ${top.drifted ? "drifted" : "stable"}` : "no features"}</div>
          </button>
          <button type="button" className="rounded-md border border-border p-2 text-left hover:bg-surface-2" onClick={() => onOpen("performance")}>
            <div className="text-muted">{perf.data?.task === "regression" ? "MAE" : "Accuracy"}</div>
            <div className="text-lg font-semibold tabular">
              {perf.data?.task === "regression" ? (o?.regression?.mae.toFixed(3) ?? "—") : formatPercent(o?.classification?.accuracy ?? null, 1)}
            </div>
            <div className="truncate text-muted">
              {o ? `${formatPercent(o.labelCoverage, 0)} labelled · delay ${formatDelay(o.medianLabelDelayMs)}` : "—"}
            </div>
          </button>
        </CardBody>
      </Card>
    </>
  );
}
