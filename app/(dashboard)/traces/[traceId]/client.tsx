"use client";

import { useQuery } from "@tanstack/react-query";
import { PageHeader } from "@/components/dashboard/page-header";
import { EventDrawer } from "@/components/events/event-drawer";
import { TraceTimeline } from "@/components/events/trace-timeline";
import { StickyLink } from "@/components/layout/nav-link";
import { Card } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { formatMs } from "@/lib/charts/format";
import { eventsToSpans, layoutTrace } from "@/lib/charts/trace-tree";
import { useUrlState } from "@/lib/dashboard/use-url-state";
import { TRACE_SPAN_LIMIT, traceQuery } from "@/lib/queries/events";
import { traceSearchParams } from "./search-params";

export function TraceClient({ traceId }: { traceId: string }) {
  const [state, setState] = useUrlState(traceSearchParams);
  const project = state.project ?? null;
  const q = useQuery(traceQuery(project, traceId));
  const layout = q.data ? layoutTrace(eventsToSpans(q.data.events)) : null;
  return (
    <>
      <PageHeader
        timeControls={false}
        crumbs={
          <StickyLink href="/events" className="hover:text-fg">
            Events
          </StickyLink>
        }
        title={<span className="font-mono">{traceId}</span>}
        subtitle={layout ? `${layout.rows.length} spans · ${formatMs(layout.durationMs)}` : "Trace"}
      />
      <main className="p-5">
        {q.error ? <ErrorState error={q.error} /> : null}
        <Card>{layout ? <TraceTimeline layout={layout} onOpen={(id) => setState({ event: id })} /> : <Skeleton className="m-3 h-40" />}</Card>
        {layout && layout.rows.length === 0 ? <p className="mt-3 text-xs text-muted">No events carry this trace id.</p> : null}
        {q.data && q.data.events.length >= TRACE_SPAN_LIMIT ? (
          <p className="mt-3 text-xs text-muted">Showing the first {TRACE_SPAN_LIMIT} spans of this trace.</p>
        ) : null}
      </main>
      <EventDrawer project={project} eventId={state.event ?? null} onClose={() => setState({ event: undefined })} />
    </>
  );
}
