"use client";

import { useQuery } from "@tanstack/react-query";
import { MetricChart } from "@/components/charts/metric-chart";
import { PageHeader } from "@/components/dashboard/page-header";
import { OverlapOffer } from "@/components/dashboard/overlap-offer";
import { VersionComparison } from "@/components/dashboard/version-comparison";
import { CostSplitCard } from "@/components/spend/cost-split-card";
import { StickyLink } from "@/components/layout/nav-link";
import { DriftTab } from "@/components/models/drift-tab";
import { LineageCard } from "@/components/models/lineage-card";
import { PerformanceTab } from "@/components/models/performance-tab";
import { QualitySummary } from "@/components/models/quality-summary";
import { Badge } from "@/components/ui/badge";
import { Segmented } from "@/components/ui/segmented";
import { ErrorState } from "@/components/ui/error-state";
import { Select } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Stat } from "@/components/ui/stat";
import { HumanReviewRates } from "@/components/review/human-review-rates";
import { compareVersions } from "@/lib/charts/compare";
import { formatCount, formatMs, formatPercent, formatUsd } from "@/lib/charts/format";
import { versionMetricDefs } from "@/lib/charts/metric-defs";
import { defaultComparison } from "@/lib/dashboard/default-comparison";
import { eventsHrefForRange, eventTypeOfKind } from "@/lib/dashboard/drill-down";
import { groupsOfVersion, modelTotals } from "@/lib/dashboard/model-totals";
import { rangeLabel } from "@/lib/time/ranges";
import { useUrlState } from "@/lib/dashboard/use-url-state";
import { metricsQuery } from "@/lib/queries/metrics";
import { cacheHitRate, prepareCostSplit } from "@/lib/spend/cost-split";
import { modelSearchParams, type ModelTab } from "./search-params";

const TABS: { value: ModelTab; label: string }[] = [
  { value: "overview", label: "Overview" },
  { value: "drift", label: "Drift" },
  { value: "performance", label: "Performance" },
  { value: "lineage", label: "Lineage" },
];

const C = { c1: "var(--chart-1)", c2: "var(--chart-2)", c3: "var(--chart-3)", c4: "var(--chart-4)" };
const pct = (v: number) => formatPercent(v, 1);

export function ModelClient({ model }: { model: string }) {
  const [state, setState] = useUrlState(modelSearchParams);
  const project = state.project ?? null;
  const versions = useQuery(metricsQuery(project, { groupBy: "modelVersion", model }, state));
  const groups = versions.data?.groups ?? [];
  const kind = groups[0]?.kind ?? "llm";
  const total = modelTotals(groups, state.version);
  const split = prepareCostSplit(groupsOfVersion(groups, state.version));
  const filter = { model, modelVersion: state.version };
  const drill = { type: eventTypeOfKind(kind), model, modelVersion: state.version };
  const link = (extra: { status?: "error"; flagged?: boolean } = {}) => eventsHrefForRange({ project, ...drill, ...extra }, state);
  const versionOptions = groups.map((g) => ({ value: g.modelVersion ?? "", label: g.modelVersion ?? "(none)", count: g.count })).filter((v) => v.value);
  const byVersion = (v: string | undefined) => groups.find((g) => g.modelVersion === v);
  const pair = defaultComparison(versionOptions.map((v) => ({ version: v.value, count: v.count })));
  const a = state.a ?? pair?.a;
  const b = state.b ?? pair?.b;
  // A version named in the URL with no traffic in this range is still offered (and the range
  // where both compared versions have data, overlap-offer.tsx).
  const silent = (v: string | undefined) => v !== undefined && !versionOptions.some((o) => o.value === v && o.count > 0);
  const compareOptions = [...versionOptions, ...[state.a, state.b].filter((v): v is string => !!v && !versionOptions.some((o) => o.value === v)).map((v) => ({ value: v, label: `${v} (no data in range)`, count: 0 }))];
  const offerOverlap = !!a && !!b && a !== b && (silent(a) || silent(b));

  return (
    <>
      <PageHeader
        crumbs={
          <StickyLink href="/" className="hover:text-fg">
            Overview
          </StickyLink>
        }
        title={
          <>
            {model} <Badge tone={kind === "llm" ? "accent" : "neutral"}>{kind.toUpperCase()}</Badge>
          </>
        }
        subtitle={`${state.version ? `Version ${state.version} · ` : ""}${rangeLabel(state)}`}
      >
        <Select aria-label="Version" value={state.version ?? ""} onChange={(e) => setState({ version: e.target.value })}>
          <option value="">All versions</option>
          {versionOptions.map((v) => (
            <option key={v.value} value={v.value}>
              {v.label}
            </option>
          ))}
        </Select>
      </PageHeader>
      <main className="flex flex-col gap-4 p-3 sm:p-5">
        {kind === "ml" ? <Segmented label="Model view" options={TABS} value={state.tab} onChange={(tab) => setState({ tab })} /> : null}
        {kind === "ml" && state.tab === "drift" ? <DriftTab project={project} model={model} version={state.version} range={state} /> : null}
        {kind === "ml" && state.tab === "performance" ? <PerformanceTab project={project} model={model} version={state.version} range={state} /> : null}
        {kind === "ml" && state.tab === "lineage" ? <LineageCard project={project} model={model} version={state.version} /> : null}
        {kind === "ml" && state.tab !== "overview" ? null : (
        <>
        {versions.isError ? (
          <ErrorState error={versions.error} onRetry={() => versions.refetch()} retrying={versions.isRefetching} />
        ) : versions.isPending ? (
          <Skeleton className="h-16" />
        ) : (
          <section className="grid grid-cols-2 gap-3 md:grid-cols-5" aria-label="Totals">
            <Stat label="Requests" value={formatCount(total.count)} href={link()} />
            <Stat label="Error rate" value={formatPercent(total.errorRate, 2)} href={link({ status: "error" })} />
            <Stat label="Versions" value={groups.length} href={compareOptions.length >= 2 ? "#version-comparison" : undefined} />
            {kind === "llm" ? <Stat label="Tokens" value={formatCount(total.tokens)} href={link()} /> : null}
            {kind === "llm" ? <Stat label="Cost" value={formatUsd(total.costUsd)} hint={`cache hit rate ${formatPercent(cacheHitRate(total), 1)}`} href={link()} /> : null}
            {kind === "llm" ? null : (
              <Stat
                label="Latest version"
                value={versionOptions.at(-1)?.label ?? "—"}
                href={versionOptions.length ? eventsHrefForRange({ project, ...drill, modelVersion: versionOptions.at(-1)!.value }, state) : undefined}
              />
            )}
          </section>
        )}
        <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
          <MetricChart title="Requests" project={project} range={state} filter={filter} drill={drill} variant="bar" unit="count" format={formatCount} series={[{ key: "count", label: "Requests", metric: "count", color: C.c1 }]} />
          <MetricChart
            title="Latency"
            description="p50 / p95 / p99 from merged DDSketches"
            project={project}
            range={state}
            filter={filter}
            drill={drill}
            unit="ms"
            format={formatMs}
            series={[
              { key: "p50", label: "p50", metric: "latency_p50", color: C.c3 },
              { key: "p95", label: "p95", metric: "latency_p95", color: C.c1 },
              { key: "p99", label: "p99", metric: "latency_p99", color: C.c2 },
            ]}
          />
          <MetricChart title="Error rate" project={project} range={state} filter={filter} drill={{ ...drill, status: "error" }} variant="area" unit="ratio" format={pct} series={[{ key: "err", label: "Error rate", metric: "error_rate", color: C.c4 }]} />
          {kind === "llm" ? (
            <>
              <MetricChart title="Tokens" project={project} range={state} filter={filter} drill={drill} variant="bar" unit="count" format={formatCount} series={[{ key: "tokens", label: "Tokens", metric: "tokens", color: C.c1 }]} />
              <MetricChart title="Cost" project={project} range={state} filter={filter} drill={drill} variant="bar" unit="usd" format={formatUsd} series={[{ key: "cost", label: "Cost", metric: "cost_usd", color: C.c3 }]} />
              <CostSplitCard split={split} />
              <MetricChart
                title="Cache hit rate"
                description="Cache-read share of input tokens"
                project={project}
                range={state}
                filter={filter}
                drill={drill}
                variant="area"
                unit="ratio"
                format={pct}
                series={[{ key: "chr", label: "Cache hit rate", metric: "cache_hit_rate", color: C.c3 }]}
              />
              <MetricChart
                title="Hallucination rate"
                description="Flagged ÷ judged calls"
                project={project}
                range={state}
                filter={filter}
                drill={{ ...drill, flagged: true }}
                variant="area"
                unit="ratio"
                format={pct}
                series={[{ key: "hal", label: "Hallucination rate", metric: "hallucination_rate", color: C.c2 }]}
              />
            </>
          ) : (
            <QualitySummary project={project} model={model} version={state.version} range={state} onOpen={(tab) => setState({ tab })} />
          )}
        </div>
        {compareOptions.length >= 2 ? (
          <div id="version-comparison" className="scroll-mt-16">
          <VersionComparison
            title="Version comparison"
            versions={compareOptions}
            a={a}
            b={b}
            onChange={(p) => setState(p)}
            rows={a && b && a !== b ? compareVersions(byVersion(a), byVersion(b), versionMetricDefs(kind)) : []}
            empty={pair ? undefined : "Fewer than two versions have traffic in this range; widen the range or pick two versions."}
            notice={
              offerOverlap ? (
                <OverlapOffer
                  project={project}
                  owner={{ model }}
                  a={a}
                  b={b}
                  labelOf={(v) => v}
                  onApply={(r) => setState({ range: "custom", from: String(r.from), to: String(r.to), a, b })}
                />
              ) : null
            }
          />
          </div>
        ) : null}
        {kind === "ml" ? <LineageCard project={project} model={model} version={state.version} /> : null}
        {kind === "llm" ? <HumanReviewRates project={project} model={model} range={state} /> : null}
        </>
        )}
      </main>
    </>
  );
}
