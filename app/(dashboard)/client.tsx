"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { OpenIncidents } from "@/components/alerts/open-incidents";
import { FirstEventSnippet } from "@/components/dashboard/empty-state";
import { FleetTable } from "@/components/dashboard/fleet-table";
import { PageHeader } from "@/components/dashboard/page-header";
import { Card, CardHeader } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Input, Select } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Stat } from "@/components/ui/stat";
import { formatCount, formatPercent, formatUsd } from "@/lib/charts/format";
import { eventsHrefForRange } from "@/lib/dashboard/drill-down";
import { rangeLabel } from "@/lib/time/ranges";
import { describeThresholds, rateLevel } from "@/lib/health/health";
import { useSearchParams } from "next/navigation";
import { useUrlState } from "@/lib/dashboard/use-url-state";
import { fleetTotals, nextSort, selectFleetRows } from "@/lib/overview/select-rows";
import { kindShares, type KindShare } from "@/lib/overview/stat-drill";
import { confirmedRatesBy, confirmedTotal } from "@/lib/overview/confirmed-rates";
import { fleetOverviewQuery } from "@/lib/queries/overview";
import { humanHallucinationRatesQuery } from "@/lib/queries/review";
import { overviewSearchParams } from "./search-params";

export function OverviewClient() {
  const [state, setState] = useUrlState(overviewSearchParams);
  const searchParams = useSearchParams();
  const project = state.project ?? null;
  const overview = useQuery(fleetOverviewQuery(project, state));
  const { data } = overview;
  const link = (d: Parameters<typeof eventsHrefForRange>[0]) => eventsHrefForRange({ project, ...d }, state);
  // Human-confirmed hallucination rates (review queues) beside the detector's; absent until something was reviewed.
  const reviewRates = useQuery(humanHallucinationRatesQuery(project, {}, state)).data?.rates ?? [];
  const human = confirmedTotal(reviewRates);
  const humanTone = rateLevel("hallucinationRate", human?.rate ?? null);
  const sort = {
    sort: state.sort,
    dir: state.dir,
    onSort: (k: string) => setState(nextSort(state, k)),
  };
  const filter = { q: state.q, kind: state.kind, health: state.health, sort: state.sort, dir: state.dir };
  const totals = data ? fleetTotals(data.models) : null;
  const errorTone = rateLevel("errorRate", totals?.errorRate ?? null);
  // One event type: the Requests and Error-rate cards link as a whole; a mixed fleet links each type's share.
  const shares = data ? kindShares(data.models) : [];
  const whole = shares.length === 1 ? shares[0] : null;

  return (
    <>
      <PageHeader title="Overview" subtitle={`Fleet health · ${rangeLabel(state)}`} />
      <main className="flex flex-col gap-4 p-3 sm:p-5">
        {overview.isError ? <ErrorState error={overview.error} onRetry={() => overview.refetch()} retrying={overview.isRefetching} /> : null}
        <OpenIncidents project={project} />
        {overview.isPending ? <OverviewSkeleton /> : null}
        {data && data.models.length === 0 ? <FirstEventSnippet origin={typeof window === "undefined" ? "" : window.location.origin} /> : null}
        {data && totals && data.models.length > 0 ? (
          <>
            <section className="grid grid-cols-[repeat(auto-fit,minmax(9.5rem,1fr))] gap-3" aria-label="Totals">
              <Stat label="Requests" value={formatCount(totals.count)} href={whole ? link({ type: whole.type }) : undefined} hint={whole ? undefined : <ShareLinks shares={shares} link={link} show={(s) => formatCount(s.count)} />} />
              <Stat
                label="Error rate"
                value={formatPercent(totals.errorRate, 2)}
                tone={errorTone === "ok" ? undefined : errorTone}
                href={whole ? link({ type: whole.type, status: "error" }) : undefined}
                hint={whole ? undefined : <ShareLinks shares={shares} link={link} status="error" show={(s) => formatPercent(s.errorRate, 2)} />}
              />
              <Stat label="Tokens" value={formatCount(totals.tokens)} href={link({ type: "llm" })} />
              <Stat label="Cost" value={formatUsd(totals.costUsd)} href={link({ type: "llm" })} />
              <Stat label="Flagged hallucinations" value={formatCount(totals.flaggedCount)} tone={totals.flaggedCount > 0 ? "warn" : undefined} href={link({ type: "llm", flagged: true })} />
              {human ? (
                <Stat label="Human-confirmed" value={formatPercent(human.rate)} hint={`${formatCount(human.confirmed)} of ${formatCount(human.reviewed)} reviewed`} tone={humanTone === "ok" ? undefined : humanTone} href={project ? `/review?project=${encodeURIComponent(project)}` : "/review"} />
              ) : null}
              <Stat
                label="Needs attention"
                value={`${totals.unhealthy} / ${data.models.length}`}
                hint="models degraded or failing"
                tone={totals.unhealthy > 0 ? "warn" : "ok"}
                href={worstFirstHref(searchParams)}
              />
            </section>
            <div className="flex flex-wrap items-center gap-2">
              <Input type="search" placeholder="Search models and prompts…" aria-label="Search" defaultValue={state.q ?? ""} onChange={(e) => setState({ q: e.target.value }, { history: "replace" })} className="w-full sm:w-64" />
              <Select aria-label="Kind" value={state.kind} onChange={(e) => setState({ kind: e.target.value === "all" ? undefined : e.target.value })}>
                <option value="all">All kinds</option>
                <option value="llm">LLM</option>
                <option value="ml">ML</option>
              </Select>
              <Select aria-label="Health" value={state.health} onChange={(e) => setState({ health: e.target.value === "all" ? undefined : e.target.value })}>
                <option value="all">Any health</option>
                <option value="bad">Failing</option>
                <option value="warn">Degraded</option>
                <option value="ok">Healthy</option>
                <option value="idle">No traffic</option>
              </Select>
            </div>
            <Card>
              <CardHeader title="Models" description={`Status: ${describeThresholds()}`} />
              <FleetTable entity="model" rows={selectFleetRows(data.models, filter)} sort={sort} window={data.window} confirmed={human ? confirmedRatesBy(reviewRates, "model") : undefined} />
            </Card>
            <Card>
              <CardHeader title="Prompts" description="LLM calls per prompt, all versions" />
              <FleetTable entity="prompt" rows={selectFleetRows(data.prompts, { ...filter, kind: "all" })} sort={sort} window={data.window} confirmed={human ? confirmedRatesBy(reviewRates, "prompt") : undefined} />
            </Card>
          </>
        ) : null}
      </main>
    </>
  );
}

/** "LLM 1.2K · ML 4K", each share a link to exactly its events (the explorer filters one type at a time). */
function ShareLinks({ shares, link, status, show }: {
  shares: KindShare[];
  link: (d: { type: KindShare["type"]; status?: "error" }) => string;
  status?: "error";
  show: (s: KindShare) => string;
}) {
  return (
    <span className="flex flex-wrap gap-x-2">
      {shares.map((s) => (
        <Link key={s.type} href={link({ type: s.type, status })} className="text-accent hover:underline">
          {s.label} {show(s)}
        </Link>
      ))}
    </span>
  );
}

function OverviewSkeleton() {
  return (
    <div className="flex flex-col gap-3" aria-busy="true">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-16" />
        ))}
      </div>
      <Skeleton className="h-64" />
    </div>
  );
}

/** The overview as it is, with the fleet tables sorted worst health first ("Needs attention"). */
function worstFirstHref(current: URLSearchParams): string {
  const sp = new URLSearchParams(current.toString());
  sp.set("sort", "health");
  sp.set("dir", "desc");
  sp.delete("health");
  return `/?${sp.toString()}`;
}
