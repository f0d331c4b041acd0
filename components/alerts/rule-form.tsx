"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useDeferredValue, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Input, Label, Select } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { metricFormatter, METRIC_LABELS } from "@/lib/alerts/charts/format-metric";
import { prepareThresholdChart } from "@/lib/alerts/charts/prepare-threshold-chart";
import { draftToBody, EMPTY_DRAFT, type RuleDraft } from "@/lib/alerts/rules/rule-draft";
import { METRIC_NAMES } from "@/lib/alerts/rules/rule-schema";
import { backtestRule, createRule, type AlertChannel } from "@/lib/queries/alerts";
import { queryKeys } from "@/lib/queries/keys";

const ThresholdChart = dynamic(() => import("./threshold-chart"), { ssr: false, loading: () => <Skeleton className="h-[220px]" /> });

const WINDOWS = [["60", "1 minute"], ["300", "5 minutes"], ["900", "15 minutes"], ["3600", "1 hour"], ["21600", "6 hours"], ["86400", "24 hours"]];
const PERIODS = [["0", "none"], ["60", "1 minute"], ["300", "5 minutes"], ["900", "15 minutes"], ["3600", "1 hour"]];

/** New-rule form with a live 7-day backtest of the draft: thresholds drawn, would-be incidents shaded. */
export function RuleForm({ project, available, channels, onCreated }: { project: string | null; available: string[]; channels: AlertChannel[]; onCreated: () => void }) {
  const qc = useQueryClient();
  const [draft, setDraft] = useState<RuleDraft>(EMPTY_DRAFT);
  const set = (patch: Partial<RuleDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const body = useDeferredValue(draftToBody(draft));
  const backtest = useQuery({
    queryKey: ["alerts", project, "backtest", body],
    queryFn: () => backtestRule(project, body),
    enabled: body !== null && available.includes(draft.metric),
    staleTime: 60_000,
    retry: false,
  });
  const save = useMutation({
    mutationFn: () => createRule(project, body),
    onSuccess: () => {
      setDraft(EMPTY_DRAFT);
      void qc.invalidateQueries({ queryKey: queryKeys.alertRules(project) });
      onCreated();
    },
  });
  const format = metricFormatter(draft.metric, draft.relative !== "");
  const chart = backtest.data && body
    ? prepareThresholdChart({ ...backtest.data, threshold: body.threshold as number, warningThreshold: (body.warningThreshold as number) ?? null, recoveryThreshold: (body.recoveryThreshold as number) ?? null, to: backtest.data.to })
    : null;

  return (
    <Card>
      <CardHeader title="New rule" description="Fires when the metric over the window crosses the threshold; the chart replays the draft over the last 7 days." />
      <CardBody className="flex flex-col gap-3">
        <form
          className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-4"
          aria-label="New alert rule"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
        >
          <Label className="sm:col-span-2">Name<Input required value={draft.name} onChange={(e) => set({ name: e.target.value })} placeholder="p95 latency on gpt-4o" /></Label>
          <Label>Metric
            <Select aria-label="Metric" value={draft.metric} onChange={(e) => set({ metric: e.target.value })}>
              {METRIC_NAMES.map((m) => (
                <option key={m} value={m} disabled={!available.includes(m)}>{METRIC_LABELS[m]}{available.includes(m) ? "" : " (not in this build)"}</option>
              ))}
            </Select>
          </Label>
          <Label>Window<Select aria-label="Window" value={draft.windowSeconds} onChange={(e) => set({ windowSeconds: e.target.value })}>{WINDOWS.map(([v, l]) => <option key={v} value={v}>{l}</option>)}</Select></Label>
          <Label>Model<Input value={draft.model} onChange={(e) => set({ model: e.target.value })} placeholder="any" /></Label>
          <Label>Prompt<Input value={draft.promptId} onChange={(e) => set({ promptId: e.target.value })} placeholder="any" /></Label>
          <Label>Environment<Input value={draft.environment} onChange={(e) => set({ environment: e.target.value })} placeholder="any" /></Label>
          {draft.metric === "feature_drift" ? <Label>Feature<Input required value={draft.feature} onChange={(e) => set({ feature: e.target.value })} placeholder="amount" /></Label> : null}
          {draft.metric === "review_backlog" ? <Label>Queue id<Input inputMode="numeric" value={draft.queueId} onChange={(e) => set({ queueId: e.target.value })} placeholder="every queue" /></Label> : null}
          <Label>One incident per
            <Select aria-label="One incident per" value={draft.groupBy} onChange={(e) => set({ groupBy: e.target.value })}>
              <option value="">whole scope</option><option value="model">model</option><option value="modelVersion">model version</option>
              <option value="prompt">prompt</option><option value="promptVersion">prompt version</option><option value="user">user</option>
            </Select>
          </Label>
          <Label>Comparator<Select aria-label="Comparator" value={draft.comparator} onChange={(e) => set({ comparator: e.target.value })}>{[">", ">=", "<", "<="].map((c) => <option key={c}>{c}</option>)}</Select></Label>
          <Label>Critical threshold<Input required inputMode="decimal" value={draft.threshold} onChange={(e) => set({ threshold: e.target.value })} /></Label>
          <Label>Warning threshold<Input inputMode="decimal" value={draft.warningThreshold} onChange={(e) => set({ warningThreshold: e.target.value })} placeholder="optional" /></Label>
          <Label>Recovery threshold<Input inputMode="decimal" value={draft.recoveryThreshold} onChange={(e) => set({ recoveryThreshold: e.target.value })} placeholder="optional" /></Label>
          <Label>Pending for<Select aria-label="Pending for" value={draft.pendingSeconds} onChange={(e) => set({ pendingSeconds: e.target.value })}>{PERIODS.map(([v, l]) => <option key={v} value={v}>{l}</option>)}</Select></Label>
          <Label>Keep firing for<Select aria-label="Keep firing for" value={draft.keepFiringSeconds} onChange={(e) => set({ keepFiringSeconds: e.target.value })}>{PERIODS.map(([v, l]) => <option key={v} value={v}>{l}</option>)}</Select></Label>
          <Label>Minimum samples<Input inputMode="numeric" value={draft.minSamples} onChange={(e) => set({ minSamples: e.target.value })} /></Label>
          <Label>No data
            <Select aria-label="No data" value={draft.noData} onChange={(e) => set({ noData: e.target.value })}>
              <option value="ignore">ignore</option><option value="alert">alert</option><option value="resolve">resolve</option><option value="keep">keep last state</option>
            </Select>
          </Label>
          <Label>Compare
            <Select aria-label="Compare" value={draft.relative} onChange={(e) => set({ relative: e.target.value })}>
              <option value="">absolute value</option><option value="previous_window">% vs previous window</option><option value="last_week">% vs same window last week</option>
            </Select>
          </Label>
          <fieldset className="flex flex-wrap items-center gap-3 text-xs sm:col-span-2 lg:col-span-4">
            <legend className="mb-1 text-[11px] font-medium text-muted">Notify</legend>
            {channels.length === 0 ? <span className="text-muted">No channels yet: add one under Alerts → Channels.</span> : null}
            {channels.map((c) => (
              <label key={c.id} className="flex items-center gap-1.5">
                <input type="checkbox" checked={draft.channelIds.includes(c.id)} onChange={(e) => set({ channelIds: e.target.checked ? [...draft.channelIds, c.id] : draft.channelIds.filter((id) => id !== c.id) })} />
                {c.name} <span className="text-muted">({c.type})</span>
              </label>
            ))}
          </fieldset>
          <div className="flex items-center gap-2 sm:col-span-2 lg:col-span-4">
            <Button type="submit" variant="primary" disabled={body === null || save.isPending}>Create rule</Button>
            {save.error ? <span role="alert" className="text-xs text-bad">{save.error.message}</span> : null}
          </div>
        </form>
        <section aria-label="Backtest" className="flex flex-col gap-1">
          <h3 className="text-[12px] font-semibold">Last 7 days {backtest.data ? `· ${backtest.data.incidents.length} incident${backtest.data.incidents.length === 1 ? "" : "s"} would have opened` : ""}</h3>
          {body === null ? <p className="text-xs text-muted">Enter a threshold to see how this rule would have behaved.</p> : null}
          {backtest.error ? <ErrorState error={backtest.error} /> : null}
          {backtest.isFetching && !chart ? <Skeleton className="h-[220px]" /> : null}
          {chart ? <div data-testid="backtest-chart"><ThresholdChart chart={chart} format={format} /></div> : null}
        </section>
      </CardBody>
    </Card>
  );
}
