"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { PageHeader } from "@/components/dashboard/page-header";
import { VersionComparison } from "@/components/dashboard/version-comparison";
import { StickyLink } from "@/components/layout/nav-link";
import { SignificancePanel } from "@/components/prompts/significance-panel";
import { HumanReviewRates } from "@/components/review/human-review-rates";
import { TemplateDiff } from "@/components/prompts/template-diff";
import { VersionsTable } from "@/components/prompts/versions-table";
import { CostSplitCard } from "@/components/spend/cost-split-card";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { compareVersions } from "@/lib/charts/compare";
import { versionMetricDefs } from "@/lib/charts/metric-defs";
import { rangeLabel } from "@/lib/time/ranges";
import { useUrlState } from "@/lib/dashboard/use-url-state";
import { queryKeys } from "@/lib/queries/keys";
import { promptQuery, promptStatsQuery, setVersionLabels } from "@/lib/queries/prompts";
import { prepareCostSplit } from "@/lib/spend/cost-split";
import { promptSearchParams } from "./search-params";

export function PromptClient({ promptKey, defaultA, defaultB }: { promptKey: string; defaultA: number | null; defaultB: number | null }) {
  const [state, setState] = useUrlState(promptSearchParams);
  const project = state.project ?? null;
  const a = state.a ?? defaultA;
  const b = state.b ?? defaultB;
  const prompt = useQuery(promptQuery(project, promptKey));
  const stats = useQuery(promptStatsQuery(project, promptKey, a, b, state));
  const qc = useQueryClient();
  const promote = useMutation({
    mutationFn: ({ version, labels }: { version: number; labels: string[] }) => setVersionLabels(project, promptKey, version, labels),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.prompt(project, promptKey) }),
  });

  const versions = prompt.data?.prompt.versions ?? [];
  const statsOf = (v: number | null) => stats.data?.versions.find((s) => s.version === v);
  const templateOf = (v: number | null) => versions.find((x) => x.version === v)?.template ?? null;
  const options = versions.map((v) => ({ value: String(v.version), label: `v${v.version}${v.labels.length ? ` · ${v.labels.join(", ")}` : ""}` }));

  return (
    <>
      <PageHeader
        crumbs={
          <StickyLink href="/prompts" className="hover:text-fg">
            Prompts
          </StickyLink>
        }
        title={prompt.data?.prompt.name ?? promptKey}
        subtitle={`${promptKey} · ${versions.length} versions · ${rangeLabel(state)}`}
      />
      <main className="flex flex-col gap-4 p-5">
        {prompt.error ? <ErrorState error={prompt.error} /> : null}
        {stats.error ? <ErrorState error={stats.error} /> : null}
        <Card>
          <CardHeader title="Versions" description="Per-version metrics over the selected range; labels move when set on another version" />
          {stats.data && prompt.data ? (
            <VersionsTable
              versions={versions}
              stats={stats.data.versions}
              onPromote={(version, labels) => promote.mutate({ version, labels })}
              pending={promote.isPending}
            />
          ) : (
            <Skeleton className="m-3 h-32" />
          )}
        </Card>
        {stats.data ? <CostSplitCard split={prepareCostSplit(stats.data.versions)} /> : null}
        <VersionComparison
          title="Compare versions"
          versions={options}
          a={a ? String(a) : undefined}
          b={b ? String(b) : undefined}
          onChange={(p) => setState(p)}
          rows={a && b ? compareVersions(statsOf(a), statsOf(b), versionMetricDefs("llm")) : []}
          footer={
            stats.data?.comparison ? (
              <div className="border-t border-border">
                <div className="px-3 pb-1 pt-2.5 text-[13px] font-semibold">Significance (α = 0.05)</div>
                <SignificancePanel comparison={stats.data.comparison} />
              </div>
            ) : null
          }
        />
        {a && b ? (
          <Card>
            <CardHeader title={`Template · v${a} → v${b}`} description="Lines removed from A in red, added in B in green" />
            <CardBody>
              {templateOf(a) !== null && templateOf(b) !== null ? (
                <TemplateDiff before={templateOf(a)!} after={templateOf(b)!} />
              ) : templateOf(b) !== null ? (
                <CodeBlock label="Template">{templateOf(b)!}</CodeBlock>
              ) : (
                <p className="text-xs text-muted">
                  No template registered for these versions yet: <code className="font-mono">POST /api/v1/prompts/{promptKey}/versions</code>.
                </p>
              )}
            </CardBody>
          </Card>
        ) : null}
        <HumanReviewRates project={project} promptId={promptKey} range={state} />
      </main>
    </>
  );
}
