"use client";

import { useQuery } from "@tanstack/react-query";
import { MetricChart } from "@/components/charts/metric-chart";
import { PageHeader } from "@/components/dashboard/page-header";
import { VersionComparison } from "@/components/dashboard/version-comparison";
import { CostSplitCard } from "@/components/spend/cost-split-card";
import { StickyLink } from "@/components/layout/nav-link";
import { Badge } from "@/components/ui/badge";
import { DriftTab } from "@/components/models/drift-tab";
import { LineageCard } from "@/components/models/lineage-card";
import { PerformanceTab } from "@/components/models/performance-tab";
import { QualitySummary } from "@/components/models/quality-summary";
import { Segmented } from "@/components/ui/segmented";
import { ErrorState } from "@/components/ui/error-state";
import { Select } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Stat } from "@/components/ui/stat";
import { HumanReviewRates } from "@/components/review/human-review-rates";
import { compareVersions } from "@/lib/charts/compare";
import { formatCount, formatMs, formatPercent, formatUsd } from "@/lib/charts/format";
import { versionMetricDefs } from "@/lib/charts/metric-defs";
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
  const total = groups.reduce(
    (t, g) => ({
      count: t.count + g.count,
      errors: t.errors + (g.errorRate ?? 0) * g.count,
      tokens: t.tokens + (g.inputTokens ?? 0) + (g.outputTokens ?? 0),
      cost: t.cost + (g.costUsd ?? 0),
      flagged: t.flagged + (g.flaggedCount ?? 0),
      inputTokens: t.inputTokens + (g.inputTokens ?? 0),
      cacheReadTokens: t.cacheReadTokens + (g.cacheReadTokens ?? 0),
    }),
    { count: 0, errors: 0, tokens: 0, cost: 0, flagged: 0, inputTokens: 0, cacheReadTokens: 0 },
  );
  const split = prepareCostSplit(groups);
  const filter = { model, modelVersion: state.version };
  const versionOptions = groups.map((g) => ({ value: g.modelVersion ?? "", label: g.modelVersion ?? "(none)" })).filter((v) => v.value);
  const byVersion = (v: string | undefined) => groups.find((g) => g.modelVersion === v);

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
        subtitle={rangeLabel(state)}
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
      <main className="flex flex-col gap-4 p-5">
        {versions.error ? <ErrorState error={versions.error} /> : null}
        {kind === "ml" ? <Segmented label="Model view" options={TABS} value={state.tab} onChange={(tab) => setState({ tab })} /> : null}
        {kind === "ml" && state.tab === "drift" ? <DriftTab project={project} model={model} version={state.version} range={state} /> : null}
        {kind === "ml" && state.tab === "performance" ? <PerformanceTab project={project} model={model} version={state.version} range={state} /> : null}
        {kind === "ml" && state.tab === "lineage" ? <LineageCard project={project} model={model} version={state.version} /> : null}
        {kind === "ml" && state.tab !== "overview" ? null : (
        <>
        {versions.isPending ? <Skeleton className="h-16" /> : (
          <section className="grid grid-cols-2 gap-3 md:grid-cols-5" aria-label="Totals">
            <Stat label="Requests" value={formatCount(total.count)} />
            <Stat label="Error rate" value={formatPercent(total.count ? total.errors / total.count : null, 2)} />
            <Stat label="Versions" value={groups.length} />
            {kind === "llm" ? <Stat label="Tokens" value={formatCount(total.tokens)} /> : null}
            {kind === "llm" ? <Stat label="Cost" value={formatUsd(total.cost)} hint={`cache hit rate ${formatPercent(cacheHitRate(total), 1)}`} /> : null}
            {kind === "llm" ? null : <Stat label="Latest version" value={versionOptions.at(-1)?.label ?? "—"} />}
          </section>
        )}
        <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
          <MetricChart title="Requests" project={project} range={state} filter={filter} variant="bar" format={formatCount} series={[{ key: "count", label: "Requests", metric: "count", color: C.c1 }]} />
          <MetricChart
            title="Latency"
            description="p50 / p95 / p99 from merged DDSketches"
            project={project}
            range={state}
            filter={filter}
            format={formatMs}
            series={[
              { key: "p50", label: "p50", metric: "latency_p50", color: C.c3 },
              { key: "p95", label: "p95", metric: "latency_p95", color: C.c1 },
              { key: "p99", label: "p99", metric: "latency_p99", color: C.c2 },
            ]}
          />
          <MetricChart title="Error rate" project={project} range={state} filter={filter} variant="area" format={pct} series={[{ key: "err", label: "Error rate", metric: "error_rate", color: C.c4 }]} />
          {kind === "llm" ? (
            <>
              <MetricChart title="Tokens" project={project} range={state} filter={filter} variant="bar" format={formatCount} series={[{ key: "tokens", label: "Tokens", metric: "tokens", color: C.c1 }]} />
              <MetricChart title="Cost" project={project} range={state} filter={filter} variant="bar" format={formatUsd} series={[{ key: "cost", label: "Cost", metric: "cost_usd", color: C.c3 }]} />
              <CostSplitCard split={split} />
              <MetricChart title="Cache hit rate" description="Cache-read share of input tokens" project={project} range={state} filter={filter} variant="area" format={pct} series={[{ key: "chr", label: "Cache hit rate", metric: "cache_hit_rate", color: C.c3 }]} />
              <MetricChart title="Hallucination rate" description="Flagged ÷ judged calls" project={project} range={state} filter={filter} variant="area" format={pct} series={[{ key: "hal", label: "Hallucination rate", metric: "hallucination_rate", color: C.c2 }]} />
            </>
          ) : (
            <>
              <QualitySummary project={project} model={model} version={state.version} range={state} onOpen={(tab) => setState({ tab })} />
            </>
          )}
        </div>
        <VersionComparison
          title="Version comparison"
          versions={versionOptions}
          a={state.a}
          b={state.b}
          onChange={(p) => setState(p)}
          rows={state.a && state.b ? compareVersions(byVersion(state.a), byVersion(state.b), versionMetricDefs(kind)) : []}
        />
        {kind === "ml" ? <LineageCard project={project} model={model} version={state.version} /> : null}
        {kind === "llm" ? <HumanReviewRates project={project} model={model} range={state} /> : null}
        </>
        )}
      </main>
    </>
  );
}
