"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { PageHeader } from "@/components/dashboard/page-header";
import { OverlapOffer } from "@/components/dashboard/overlap-offer";
import { VersionComparison } from "@/components/dashboard/version-comparison";
import { StickyLink } from "@/components/layout/nav-link";
import { SignificancePanel } from "@/components/prompts/significance-panel";
import { HumanReviewRates } from "@/components/review/human-review-rates";
import { TemplateDiff } from "@/components/prompts/template-diff";
import { VersionsTable } from "@/components/prompts/versions-table";
import { CostSplitCard } from "@/components/spend/cost-split-card";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { compareVersions } from "@/lib/charts/compare";
import { versionMetricDefs } from "@/lib/charts/metric-defs";
import { rangeLabel } from "@/lib/time/ranges";
import { useUrlState } from "@/lib/dashboard/use-url-state";
import { promoteChange, undoPromotionChanges, type VersionLabels } from "@/lib/prompts/plan-promotion";
import { queryKeys } from "@/lib/queries/keys";
import { promptQuery, promptStatsQuery, setVersionLabels } from "@/lib/queries/prompts";
import { prepareCostSplit } from "@/lib/spend/cost-split";
import { promptSearchParams } from "./search-params";

export function PromptClient({
  promptKey, defaultA, defaultB, canPromote,
}: { promptKey: string; defaultA: number | null; defaultB: number | null; canPromote: boolean }) {
  const [state, setState] = useUrlState(promptSearchParams);
  const project = state.project ?? null;
  const a = state.a ?? defaultA;
  const b = state.b ?? defaultB;
  const prompt = useQuery(promptQuery(project, promptKey));
  const stats = useQuery(promptStatsQuery(project, promptKey, a, b, state));
  const qc = useQueryClient();
  // The labels as they were before the last promotion, so it can be undone.
  const [undo, setUndo] = useState<{ version: number; before: VersionLabels[] } | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: queryKeys.prompt(project, promptKey) });
  const promote = useMutation({
    mutationFn: async (version: number) => {
      const before = versions.map((v) => ({ version: v.version, labels: v.labels }));
      const change = promoteChange(before, version);
      await setVersionLabels(project, promptKey, change.version, change.labels);
      return { version, before };
    },
    onSuccess: (done) => {
      setUndo(done);
      return refresh();
    },
  });
  const revert = useMutation({
    mutationFn: async (u: { version: number; before: VersionLabels[] }) => {
      for (const c of undoPromotionChanges(u.before, u.version)) await setVersionLabels(project, promptKey, c.version, c.labels);
    },
    onSuccess: () => {
      setUndo(null);
      return refresh();
    },
  });

  const versions = prompt.data?.prompt.versions ?? [];
  const statsOf = (v: number | null) => stats.data?.versions.find((s) => s.version === v);
  const templateOf = (v: number | null) => versions.find((x) => x.version === v)?.template ?? null;
  const options = versions.map((v) => ({ value: String(v.version), label: `v${v.version}${v.labels.length ? ` · ${v.labels.join(", ")}` : ""}` }));
  const error = prompt.error ?? stats.error;
  const pair = a !== null && b !== null && a !== b;
  // The versions the overlap offer is about: the pair being compared, or else the two newest.
  const newest = [...versions].sort((x, y) => y.version - x.version);
  const candidates = pair ? { a: a!, b: b! } : newest.length >= 2 ? { a: newest[1].version, b: newest[0].version } : null;
  const silent = (v: number) => (statsOf(v)?.count ?? 0) === 0;
  const offerOverlap = stats.data && candidates && (silent(candidates.a) || silent(candidates.b));

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
      <main className="flex flex-col gap-4 p-3 sm:p-5">
        {error ? (
          <ErrorState
            error={error}
            onRetry={() => {
              if (prompt.error) prompt.refetch();
              if (stats.error) stats.refetch();
            }}
            retrying={prompt.isRefetching || stats.isRefetching}
          />
        ) : null}
        {promote.error ?? revert.error ? <ErrorState error={promote.error ?? revert.error} /> : null}
        {undo ? (
          <div role="status" className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-ok/30 bg-ok/10 px-3 py-2 text-xs">
            <span>v{undo.version} is now in production.</span>
            <Button onClick={() => revert.mutate(undo)} disabled={revert.isPending}>
              {revert.isPending ? "Undoing…" : "Undo"}
            </Button>
          </div>
        ) : null}
        {error ? null : (
          <Card>
            <CardHeader title="Versions" description="Per-version metrics over the selected range; labels move when set on another version" />
            {stats.data && prompt.data ? (
              <VersionsTable versions={versions} stats={stats.data.versions} onPromote={canPromote ? (version) => promote.mutate(version) : undefined} pending={promote.isPending || revert.isPending} />
            ) : (
              <Skeleton className="m-3 h-32" />
            )}
          </Card>
        )}
        {!error && stats.data ? <CostSplitCard split={prepareCostSplit(stats.data.versions)} /> : null}
        {!error && versions.length >= 2 ? (
          <VersionComparison
            title="Compare versions"
            versions={options}
            a={a ? String(a) : undefined}
            b={b ? String(b) : undefined}
            onChange={(p) => setState(p)}
            rows={pair ? compareVersions(statsOf(a), statsOf(b), versionMetricDefs("llm")) : []}
            empty={
              defaultA === null && !offerOverlap
                ? "Fewer than two versions have calls in this range; widen the range or pick two versions."
                : offerOverlap
                  ? "These versions have no calls together in this range: show the range where both have data, or pick two versions."
                  : undefined
            }
            notice={
              offerOverlap ? (
                <OverlapOffer
                  project={project}
                  owner={{ promptId: promptKey }}
                  a={String(candidates.a)}
                  b={String(candidates.b)}
                  labelOf={(v) => `v${v}`}
                  onApply={(r) => setState({ range: "custom", from: String(r.from), to: String(r.to), a: String(candidates.a), b: String(candidates.b) })}
                />
              ) : null
            }
            footer={
              stats.data?.comparison ? (
                <div className="border-t border-border">
                  <div className="px-3 pb-1 pt-2.5 text-[13px] font-semibold">Significance (α = 0.05)</div>
                  <SignificancePanel comparison={stats.data.comparison} />
                </div>
              ) : null
            }
          />
        ) : null}
        {!error && pair ? (
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
