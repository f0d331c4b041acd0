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
import { useUrlState } from "@/lib/dashboard/use-url-state";
import { eventsQuery } from "@/lib/queries/events";
import { EVENT_FILTER_KEYS, eventsSearchParams } from "./search-params";

export function EventsClient({ canManageReview = false }: { canManageReview?: boolean }) {
  const [state, setState] = useUrlState(eventsSearchParams);
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

  return (
    <>
      <PageHeader title="Events" subtitle={`LLM calls, predictions and spans · ${rangeLabel(state)}`} />
      <main className="flex flex-col gap-3 p-5">
        <EventFilters state={state} project={project} range={state} onChange={setState} />
        {canManageReview ? <AddToQueue project={project} selected={[...selected]} filter={matching} /> : null}
        {events.error ? <ErrorState error={events.error} /> : null}
        <Card>
          {events.isPending ? (
            <div className="flex flex-col gap-2 p-3" aria-busy="true">
              {Array.from({ length: 8 }, (_, i) => (
                <Skeleton key={i} className="h-6" />
              ))}
            </div>
          ) : (
            <EventsTable events={rows} onOpen={(id) => setState({ event: id })} selected={canManageReview ? selected : undefined} onToggle={canManageReview ? toggle : undefined} />
          )}
        </Card>
        {events.hasNextPage ? (
          <div className="flex justify-center">
            <Button onClick={() => events.fetchNextPage()} disabled={events.isFetchingNextPage}>
              {events.isFetchingNextPage ? "Loading…" : "Load more"}
            </Button>
          </div>
        ) : null}
      </main>
      <EventDrawer project={project} eventId={state.event ?? null} onClose={() => setState({ event: undefined })}>
        {canManageReview && state.event ? <AddToQueue project={project} selected={[state.event]} filter={null} compact /> : null}
      </EventDrawer>
    </>
  );
}
