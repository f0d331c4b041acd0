import type { TimeRange } from "@/lib/time/ranges";

/** The URL state a query depends on; relative ranges stay relative so refetches move the window. */
export function rangeKey(r: TimeRange): string {
  return r.range === "custom" ? `custom:${r.from ?? ""}:${r.to ?? ""}` : r.range;
}

/** One query-key factory for the whole dashboard: invalidate by prefix (e.g. ["prompts", project]). */
export const queryKeys = {
  overview: (project: string | null, range: TimeRange) => ["overview", project, rangeKey(range)] as const,
  metrics: (project: string | null, params: Record<string, unknown>, range: TimeRange) => ["metrics", project, params, rangeKey(range)] as const,
  timeseries: (project: string | null, params: Record<string, unknown>, range: TimeRange) =>
    ["timeseries", project, params, rangeKey(range)] as const,
  events: (project: string | null, filters: Record<string, unknown>) => ["events", project, filters] as const,
  event: (project: string | null, id: string) => ["event", project, id] as const,
  prompts: (project: string | null) => ["prompts", project] as const,
  prompt: (project: string | null, key: string) => ["prompts", project, key] as const,
  promptStats: (project: string | null, key: string, a: number | null, b: number | null, range: TimeRange) =>
    ["prompts", project, key, "stats", a, b, rangeKey(range)] as const,
  trace: (project: string | null, traceId: string) => ["trace", project, traceId] as const,
  prices: (project: string | null) => ["prices", project] as const,
  unpriced: (project: string | null) => ["prices", project, "unpriced"] as const,
  repriceJob: (project: string | null, id: number) => ["prices", project, "reprice", id] as const,
  budgets: (project: string | null) => ["budgets", project] as const,
  spend: (project: string | null, params: Record<string, unknown>, range: TimeRange) => ["spend", project, params, rangeKey(range)] as const,
};
