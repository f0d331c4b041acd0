import { queryOptions } from "@tanstack/react-query";
import { resolveWindow, type TimeRange } from "@/lib/time/ranges";
import type { EventGroup } from "@/lib/events/group-events";
import type { TraceSummary } from "@/lib/traces/list-traces";
import { apiGet } from "./api-client";
import { queryKeys } from "./keys";

export type { EventGroup, TraceSummary };

export type GroupKind = "traces" | "sessions" | "users";

export interface GroupListParams {
  sort: string;
  dir: "asc" | "desc";
  environment?: string;
}

type ListAnswer = { traces: TraceSummary[] } | { sessions: EventGroup[] } | { users: EventGroup[] };

/** Traces, sessions or end users active in the page's range (GET /api/v1/<kind>). */
export function groupListQuery(kind: GroupKind, project: string | null, params: GroupListParams, range: TimeRange) {
  return queryOptions({
    queryKey: queryKeys.groups(project, kind, { ...params }, range),
    queryFn: async (): Promise<(EventGroup & { rootName?: string | null })[]> => {
      const w = resolveWindow(range);
      const res = await apiGet<ListAnswer>(`/api/v1/${kind}`, { project, ...params, from: w.from, to: w.to });
      return "traces" in res ? res.traces : "sessions" in res ? res.sessions : res.users;
    },
    refetchInterval: range.refresh > 0 ? range.refresh * 1000 : false,
  });
}

/** One session's or end user's totals over the range. */
export function groupQuery(kind: "sessions" | "users", project: string | null, id: string, range: TimeRange) {
  return queryOptions({
    queryKey: queryKeys.group(project, kind, id, range),
    queryFn: async (): Promise<EventGroup> => {
      const w = resolveWindow(range);
      const res = await apiGet<{ session?: EventGroup; user?: EventGroup }>(`/api/v1/${kind}/${encodeURIComponent(id)}`, { project, from: w.from, to: w.to });
      return (res.session ?? res.user)!;
    },
  });
}

/** A trace's totals over all of its events. */
export function traceSummaryQuery(project: string | null, traceId: string) {
  return queryOptions({
    queryKey: queryKeys.group(project, "trace", traceId, null),
    queryFn: async () => (await apiGet<{ trace: TraceSummary }>(`/api/v1/traces/${encodeURIComponent(traceId)}`, { project })).trace,
  });
}
