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
  versionOverlap: (project: string | null, params: Record<string, unknown>) => ["versionOverlap", project, params] as const,
  trace: (project: string | null, traceId: string) => ["trace", project, traceId] as const,
  prices: (project: string | null) => ["prices", project] as const,
  unpriced: (project: string | null) => ["prices", project, "unpriced"] as const,
  repriceJob: (project: string | null, id: number) => ["prices", project, "reprice", id] as const,
  budgets: (project: string | null) => ["budgets", project] as const,
  spend: (project: string | null, params: Record<string, unknown>, range: TimeRange) => ["spend", project, params, rangeKey(range)] as const,
  modelDrift: (project: string | null, model: string, params: Record<string, unknown>, range: TimeRange) =>
    ["models", project, model, "drift", params, rangeKey(range)] as const,
  modelDriftSeries: (project: string | null, model: string, range: TimeRange) => ["models", project, model, "drift-series", rangeKey(range)] as const,
  modelPerformance: (project: string | null, model: string, params: Record<string, unknown>, range: TimeRange) =>
    ["models", project, model, "performance", params, rangeKey(range)] as const,
  modelAttributions: (project: string | null, model: string, params: Record<string, unknown>, range: TimeRange) =>
    ["models", project, model, "attributions", params, rangeKey(range)] as const,
  modelLineage: (project: string | null, model: string) => ["models", project, model, "lineage"] as const,
  reviewQueues: (project: string | null) => ["review", project, "queues"] as const,
  reviewQueue: (project: string | null, id: number) => ["review", project, "queues", id] as const,
  reviewDisagreements: (project: string | null, id: number) => ["review", project, "queues", id, "disagreements"] as const,
  reviewStats: (project: string | null, id: number) => ["review", project, "queues", id, "stats"] as const,
  reviewRates: (project: string | null, filter: Record<string, unknown>, range: TimeRange) => ["review", project, "rates", filter, rangeKey(range)] as const,
  alertRules: (project: string | null) => ["alerts", project, "rules"] as const,
  alertChannels: (project: string | null) => ["alerts", project, "channels"] as const,
  silences: (project: string | null) => ["alerts", project, "silences"] as const,
  alertDeliveries: (project: string | null, filter: Record<string, unknown>) => ["alerts", project, "deliveries", filter] as const,
  incidents: (project: string | null, filter: Record<string, unknown>) => ["alerts", project, "incidents", filter] as const,
  incident: (project: string | null, id: number) => ["alerts", project, "incident", id] as const,
  incidentSeries: (project: string | null, id: number) => ["alerts", project, "incident", id, "series"] as const,
  groups: (project: string | null, kind: string, params: Record<string, unknown>, range: TimeRange) => ["groups", project, kind, params, rangeKey(range)] as const,
  group: (project: string | null, kind: string, id: string, range: TimeRange | null) => ["groups", project, kind, id, range ? rangeKey(range) : null] as const,
  members: (project: string | null) => ["members", project] as const,
  apiKeys: (project: string | null) => ["apiKeys", project] as const,
  audit: (project: string | null, filters: Record<string, unknown>) => ["audit", project, filters] as const,
  governance: (project: string | null) => ["governance", project] as const,
};
