"use client";

import { useQuery } from "@tanstack/react-query";
import { PageHeader } from "@/components/dashboard/page-header";
import { EventDrawer } from "@/components/events/event-drawer";
import { GroupStats } from "@/components/events/group-stats";
import { TraceTimeline } from "@/components/events/trace-timeline";
import { StickyLink } from "@/components/layout/nav-link";
import { Card } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { formatMs } from "@/lib/charts/format";
import { eventsToSpans, layoutTrace } from "@/lib/charts/trace-tree";
import { useDrawerParam } from "@/lib/dashboard/use-drawer-param";
import { useUrlState } from "@/lib/dashboard/use-url-state";
import { eventsHrefForRange } from "@/lib/dashboard/drill-down";
import { TRACE_SPAN_LIMIT, traceQuery } from "@/lib/queries/events";
import { traceSummaryQuery } from "@/lib/queries/groups";
import { traceSearchParams } from "./search-params";

export function TraceClient({ traceId }: { traceId: string }) {
  const [state, setState] = useUrlState(traceSearchParams);
  const drawer = useDrawerParam("event", setState);
  const project = state.project ?? null;
  const q = useQuery(traceQuery(project, traceId));
  const totals = useQuery(traceSummaryQuery(project, traceId));
  const layout = q.data ? layoutTrace(eventsToSpans(q.data.events)) : null;

  let body: React.ReactNode;
  if (q.isError) body = <ErrorState error={q.error} onRetry={() => q.refetch()} retrying={q.isRefetching} />;
  else if (!layout) body = <Card><Skeleton className="m-3 h-40" /></Card>;
  else if (layout.rows.length === 0) body = <p className="text-xs text-muted">No events carry this trace id.</p>;
  else
    body = (
      <Card className="overflow-x-auto">
        <div className="min-w-[640px]">
          <TraceTimeline layout={layout} onOpen={drawer.open} />
        </div>
      </Card>
    );

  return (
    <>
      <PageHeader
        timeControls={false}
        crumbs={
          <StickyLink href="/events" className="hover:text-fg">
            Events
          </StickyLink>
        }
        title={<span className="truncate font-mono">{traceId}</span>}
        subtitle={layout ? `${layout.rows.length} spans · ${formatMs(layout.durationMs)}` : "Trace"}
      />
      <main className="flex flex-col gap-4 p-3 sm:p-5">
        {totals.data ? (
          <GroupStats group={totals.data} spans link={(d) => eventsHrefForRange({ project, traceId, ...d }, { range: "30d", refresh: 0 })} />
        ) : null}
        {body}
        {q.data && q.data.events.length >= TRACE_SPAN_LIMIT ? (
          <p className="text-xs text-muted">Showing the first {TRACE_SPAN_LIMIT} spans of this trace.</p>
        ) : null}
      </main>
      <EventDrawer project={project} eventId={state.event ?? null} onClose={drawer.close} />
    </>
  );
}
