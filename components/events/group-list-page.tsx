"use client";

import { useQuery } from "@tanstack/react-query";
import { PageHeader } from "@/components/dashboard/page-header";
import { Card } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { rangeLabel } from "@/lib/time/ranges";
import type { GroupListSearchParams } from "@/lib/dashboard/group-search-params";
import type { UrlPatch } from "@/lib/dashboard/use-url-state";
import { groupListQuery, type GroupKind } from "@/lib/queries/groups";
import { GroupTable } from "./group-table";

const TITLE = { traces: "Traces", sessions: "Sessions", users: "Users" } as const;
const SUBTITLE = {
  traces: "One row per trace: its root span, spans, LLM calls, errors, tokens, cost and duration",
  sessions: "Events sharing a session id",
  users: "End users of your application (the events' userId)",
} as const;

/** Body of /traces, /sessions and /users: the list with its states, sort and environment filter in the URL. */
export function GroupListPage({ kind, state, setState }: { kind: GroupKind; state: GroupListSearchParams; setState: (p: UrlPatch) => void }) {
  const project = state.project ?? null;
  const q = useQuery(groupListQuery(kind, project, { sort: state.sort, dir: state.dir, environment: state.environment }, state));
  const sort = {
    sort: state.sort,
    dir: state.dir,
    onSort: (k: string) => setState({ sort: k, dir: state.sort === k && state.dir === "desc" ? "asc" : "desc" }),
  };
  let body: React.ReactNode;
  if (q.isError) body = <ErrorState error={q.error} onRetry={() => q.refetch()} retrying={q.isRefetching} />;
  else if (q.isPending) body = <Card><Skeleton className="m-3 h-40" /></Card>;
  else body = <Card><GroupTable kind={kind} rows={q.data} sort={sort} /></Card>;
  return (
    <>
      <PageHeader title={TITLE[kind]} subtitle={`${SUBTITLE[kind]} · ${rangeLabel(state)}`} />
      <main className="flex flex-col gap-3 p-3 sm:p-5">
        <div className="flex flex-wrap items-center gap-2" role="search">
          <Input
            key={state.environment ?? ""}
            aria-label="Environment"
            placeholder="Environment"
            defaultValue={state.environment ?? ""}
            className="w-40"
            onBlur={(e) => e.target.value.trim() !== (state.environment ?? "") && setState({ environment: e.target.value.trim() || undefined })}
            onKeyDown={(e) => e.key === "Enter" && setState({ environment: e.currentTarget.value.trim() || undefined })}
          />
        </div>
        {body}
      </main>
    </>
  );
}
