"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { PageHeader } from "@/components/dashboard/page-header";
import { StickyLink } from "@/components/layout/nav-link";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { eventsHrefForRange } from "@/lib/dashboard/drill-down";
import type { TimeRange } from "@/lib/time/ranges";
import { rangeLabel } from "@/lib/time/ranges";
import { useDrawerParam } from "@/lib/dashboard/use-drawer-param";
import type { SetUrlStateOptions, UrlPatch } from "@/lib/dashboard/use-url-state";
import { ApiRequestError } from "@/lib/queries/api-client";
import { eventsQuery } from "@/lib/queries/events";
import { groupQuery } from "@/lib/queries/groups";
import { EventDrawer } from "./event-drawer";
import { EventsTable } from "./events-table";
import { GroupStats } from "./group-stats";

const FILTER = { sessions: "sessionId", users: "userId" } as const;
const NOUN = { sessions: "Session", users: "User" } as const;

/** /sessions/<id> and /users/<id>: totals over the range, then the events themselves. */
export function GroupDetailPage({
  kind,
  id,
  state,
  setState,
}: {
  kind: "sessions" | "users";
  id: string;
  state: TimeRange & { project?: string; event?: string };
  setState: (p: UrlPatch, o?: SetUrlStateOptions) => void;
}) {
  const project = state.project ?? null;
  const drawer = useDrawerParam("event", setState);
  const filter = { [FILTER[kind]]: id };
  // A 404 is an answer (no events in this range), not a failure worth retrying.
  const totals = useQuery({ ...groupQuery(kind, project, id, state), retry: (n, e) => !(e instanceof ApiRequestError && e.status < 500) && n < 1 });
  const events = useInfiniteQuery(eventsQuery(project, filter, state));
  const rows = events.data?.pages.flatMap((p) => p.events) ?? [];
  const explorer = eventsHrefForRange({ project, [FILTER[kind]]: id }, state);
  const noEvents = totals.error instanceof ApiRequestError && totals.error.status === 404;

  return (
    <>
      <PageHeader
        crumbs={
          <StickyLink href={`/${kind}`} className="hover:text-fg">
            {NOUN[kind]}s
          </StickyLink>
        }
        title={<span className="font-mono [overflow-wrap:anywhere]">{id}</span>}
        subtitle={rangeLabel(state)}
      />
      <main className="flex flex-col gap-4 p-3 sm:p-5">
        {noEvents ? (
          <p className="text-xs text-muted">No events of this {NOUN[kind].toLowerCase()} in this time range; widen the range.</p>
        ) : totals.isError ? (
          <ErrorState error={totals.error} onRetry={() => totals.refetch()} retrying={totals.isRefetching} />
        ) : totals.isPending ? (
          <Skeleton className="h-16" />
        ) : (
          <GroupStats group={totals.data} link={(d) => eventsHrefForRange({ project, [FILTER[kind]]: id, ...d }, state)} />
        )}
        {events.isError ? (
          <ErrorState error={events.error} onRetry={() => events.refetch()} retrying={events.isRefetching} />
        ) : (
          <Card>
            <CardHeader
              title="Events"
              actions={
                <StickyLink href={explorer} className="text-xs text-accent hover:underline">
                  Open in the explorer
                </StickyLink>
              }
            />
            {events.isPending ? <Skeleton className="m-3 h-40" /> : <EventsTable events={rows} onOpen={drawer.open} />}
          </Card>
        )}
        {events.hasNextPage ? (
          <div className="flex justify-center">
            <Button onClick={() => events.fetchNextPage()} disabled={events.isFetchingNextPage}>
              {events.isFetchingNextPage ? "Loading…" : "Load more"}
            </Button>
          </div>
        ) : null}
      </main>
      <EventDrawer project={project} eventId={state.event ?? null} onClose={drawer.close} />
    </>
  );
}
