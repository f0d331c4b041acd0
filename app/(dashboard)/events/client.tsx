"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { AddToQueue } from "@/components/review/add-to-queue";
import { PageHeader } from "@/components/dashboard/page-header";
import { EventDrawer } from "@/components/events/event-drawer";
import { EventFilters } from "@/components/events/event-filters";
import { EventsTable } from "@/components/events/events-table";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { rangeLabel } from "@/lib/time/ranges";
import { useDrawerParam } from "@/lib/dashboard/use-drawer-param";
import { useUrlState } from "@/lib/dashboard/use-url-state";
import { eventsQuery } from "@/lib/queries/events";
import { EVENT_FILTER_KEYS, eventsSearchParams } from "./search-params";

export function EventsClient({ canManageReview = false }: { canManageReview?: boolean }) {
  const [state, setState] = useUrlState(eventsSearchParams);
  const drawer = useDrawerParam("event", setState);
  const project = state.project ?? null;
  const filters: Record<string, string | number | undefined> = Object.fromEntries(EVENT_FILTER_KEYS.map((k) => [k, state[k]]));
  const events = useInfiniteQuery(eventsQuery(project, filters, state));
  const rows = events.data?.pages.flatMap((p) => p.events) ?? [];
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) => setSelected((s) => {
    const next = new Set(s);
    if (!next.delete(id)) next.add(id);
    return next;
  });
  // "All matching" sends the listing's own filter and the window its first page used.
  const window = events.data?.pages[0]?.window;
  const matching = window ? { ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)), ...window } : null;

  // Exactly one of: error (with retry), loading, the rows (or the empty message).
  let body: React.ReactNode;
  if (events.isError && !events.isFetchNextPageError) body = <ErrorState error={events.error} onRetry={() => events.refetch()} retrying={events.isRefetching} />;
  else if (events.isPending)
    body = (
      <Card>
        <div className="flex flex-col gap-2 p-3" aria-busy="true" aria-label="Loading events">
          {Array.from({ length: 8 }, (_, i) => (
            <Skeleton key={i} className="h-6" />
          ))}
        </div>
      </Card>
    );
  else
    body = (
      <>
        <Card>
          <EventsTable events={rows} onOpen={drawer.open} selected={canManageReview ? selected : undefined} onToggle={canManageReview ? toggle : undefined} />
        </Card>
        {events.isFetchNextPageError ? <ErrorState error={events.error} onRetry={() => events.fetchNextPage()} retrying={events.isFetchingNextPage} /> : null}
        {events.hasNextPage ? (
          <div className="flex justify-center">
            <Button onClick={() => events.fetchNextPage()} disabled={events.isFetchingNextPage}>
              {events.isFetchingNextPage ? "Loading…" : "Load more"}
            </Button>
          </div>
        ) : null}
      </>
    );

  return (
    <>
      <PageHeader title="Events" subtitle={`LLM calls, predictions and spans · ${rangeLabel(state)}`} />
      <main className="flex flex-col gap-3 p-3 sm:p-5">
        <EventFilters state={state} project={project} range={state} onChange={setState} />
        {canManageReview ? <AddToQueue project={project} selected={[...selected]} filter={matching} /> : null}
        {body}
      </main>
      <EventDrawer project={project} eventId={state.event ?? null} onClose={drawer.close}>
        {canManageReview && state.event ? <AddToQueue project={project} selected={[state.event]} filter={null} compact /> : null}
      </EventDrawer>
    </>
  );
}
