import { queryOptions, infiniteQueryOptions } from "@tanstack/react-query";
import { apiGet } from "./api-client";
import { resolveWindow, type TimeRange } from "@/lib/time/ranges";
import { queryKeys, rangeKey } from "./keys";
import type { PublicEvent } from "@/lib/events/public-event-type";

/** The public event JSON (lib/events/public-event-type.ts); body fields vary by type. */
export type EventView = PublicEvent;

export type EventFilters = Record<string, string | number | undefined>;

interface EventsPage {
  events: EventView[];
  nextCursor: string | null;
  /** The window of the first page; later pages keep it so the listing does not shift. */
  window: { from: number; to: number };
}

type PageParam = { cursor: string; window: EventsPage["window"] } | null;

export function eventsQuery(project: string | null, filters: EventFilters, range: TimeRange) {
  return infiniteQueryOptions({
    queryKey: queryKeys.events(project, { ...filters, range: rangeKey(range) }),
    queryFn: async ({ pageParam }: { pageParam: PageParam }): Promise<EventsPage> => {
      const window = pageParam?.window ?? (({ from, to }) => ({ from, to }))(resolveWindow(range));
      const res = await apiGet<{ events: EventView[]; nextCursor: string | null }>("/api/v1/events", {
        project,
        ...filters,
        ...window,
        limit: 50,
        cursor: pageParam?.cursor,
      });
      return { ...res, window };
    },
    initialPageParam: null as PageParam,
    getNextPageParam: (last): PageParam => (last.nextCursor ? { cursor: last.nextCursor, window: last.window } : null),
    refetchInterval: range.refresh > 0 ? range.refresh * 1000 : false,
  });
}

export function eventQuery(project: string | null, id: string) {
  return queryOptions({
    queryKey: queryKeys.event(project, id),
    queryFn: () => apiGet<EventView>(`/api/v1/events/${encodeURIComponent(id)}`, { project }),
  });
}

/** Every event of a trace (the events endpoint answers `traceId` from its index, unpaginated). */
export function traceQuery(project: string | null, traceId: string) {
  return queryOptions({
    queryKey: queryKeys.trace(project, traceId),
    queryFn: () => apiGet<{ events: EventView[] }>("/api/v1/events", { project, traceId, limit: 200 }),
  });
}
