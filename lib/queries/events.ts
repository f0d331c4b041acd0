import { queryOptions, infiniteQueryOptions } from "@tanstack/react-query";
import { apiGet } from "./api-client";
import { resolveWindow, type TimeRange } from "@/lib/dashboard/time-range";
import { queryKeys, rangeKey } from "./keys";

/** The public event JSON (lib/events/public-event.ts); body fields vary by type. */
export interface EventView {
  id: string;
  type: string;
  timestamp: string;
  model: string | null;
  modelVersion: string | null;
  environment: string;
  userId: string | null;
  sessionId: string | null;
  traceId: string | null;
  spanId: string | null;
  parentSpanId: string | null;
  promptId: string | null;
  promptVersion: number | null;
  status: "ok" | "error" | null;
  latencyMs: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  costUsd: number | null;
  unpriced: boolean;
  hallucination: { flagged: boolean; score: number | null; source: string | null } | null;
  input?: string | { role: string; content: unknown }[];
  output?: string;
  context?: string[];
  errorMessage?: string;
  metadata?: Record<string, unknown>;
  tags?: string[];
  features?: Record<string, unknown>;
  prediction?: number | string;
  name?: string;
  otel?: unknown;
  [key: string]: unknown;
}

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
