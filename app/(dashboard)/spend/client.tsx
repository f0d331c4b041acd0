"use client";

import { useQuery } from "@tanstack/react-query";
import { PageHeader } from "@/components/dashboard/page-header";
import { BudgetsCard } from "@/components/spend/budgets-card";
import { TopSpendersTable } from "@/components/spend/top-spenders-table";
import { Card, CardHeader } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Segmented } from "@/components/ui/segmented";
import { Skeleton } from "@/components/ui/skeleton";
import { Stat } from "@/components/ui/stat";
import { formatCount, formatUsd } from "@/lib/charts/format";
import { rangeLabel } from "@/lib/time/ranges";
import { useUrlState } from "@/lib/dashboard/use-url-state";
import { spendQuery } from "@/lib/queries/spend";
import { spendSearchParams, type SpendSearchParams } from "./search-params";

const BY: { value: SpendSearchParams["by"]; label: string }[] = [
  { value: "user", label: "End user" },
  { value: "session", label: "Session" },
  { value: "environment", label: "Environment" },
  { value: "tag", label: "Tag" },
];

export function SpendClient({ canManage }: { canManage: boolean }) {
  const [state, setState] = useUrlState(spendSearchParams);
  const project = state.project ?? null;
  const spend = useQuery(spendQuery(project, { by: state.by, model: state.model, limit: 25 }, state));
  const d = spend.data;
  const top = d?.groups[0];
  return (
    <>
      <PageHeader title="Spend" subtitle={`LLM cost by ${BY.find((b) => b.value === state.by)?.label.toLowerCase()}${state.model ? ` · ${state.model}` : ""} · ${rangeLabel(state)}`}>
        <Segmented label="Split spend by" options={BY} value={state.by} onChange={(by) => setState({ by })} />
      </PageHeader>
      <main className="flex flex-col gap-4 p-5">
        {spend.error ? <ErrorState error={spend.error} /> : null}
        {d ? (
          <section className="grid grid-cols-2 gap-3 md:grid-cols-4" aria-label="Totals">
            <Stat label="Total cost" value={formatUsd(d.totalUsd)} />
            <Stat label="LLM calls" value={formatCount(d.totalCalls)} />
            <Stat label="Top spender" value={top ? formatUsd(top.costUsd) : "—"} hint={top ? (top.key ?? "(none)") : undefined} />
            <Stat label="Unpriced calls" value={formatCount(d.unpricedCount)} tone={d.unpricedCount ? "warn" : undefined} />
          </section>
        ) : (
          <Skeleton className="h-16" />
        )}
        <BudgetsCard project={project} canManage={canManage} />
        <Card>
          <CardHeader title="Top spenders" description="Most expensive first · client-reported costs count as reported · ranges up to 31 days" />
          {d ? <TopSpendersTable data={d} /> : <Skeleton className="m-3 h-40" />}
        </Card>
      </main>
    </>
  );
}
