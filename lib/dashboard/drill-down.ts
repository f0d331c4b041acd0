import type { TimeRange } from "@/lib/time/ranges";

/** The event-explorer filters a drill-down can set (a subset of app/(dashboard)/events/search-params.ts). */
export interface EventsDrillDown {
  project?: string | null;
  from: number;
  to: number;
  type?: "llm" | "prediction" | "span";
  model?: string;
  modelVersion?: string;
  promptId?: string;
  promptVersion?: number;
  status?: "ok" | "error";
  flagged?: boolean;
  userId?: string;
  sessionId?: string;
  traceId?: string;
}

/** Which event type a model's charts count: rollups hold LLM calls and predictions only. */
export function eventTypeOfKind(kind: "llm" | "ml" | string): "llm" | "prediction" {
  return kind === "llm" ? "llm" : "prediction";
}

/**
 * Link to the events explorer filtered to exactly one window and dimension, as a custom
 * range with inclusive epoch-ms bounds (the explorer and GET /api/v1/events take them so).
 */
export function eventsHref(d: EventsDrillDown): string {
  return withFilters(d, { range: "custom", from: String(d.from), to: String(d.to) });
}

/** Link to the explorer over the page's own range (kept relative: "last 24 h" stays live). */
export function eventsHrefForRange(d: Omit<EventsDrillDown, "from" | "to">, range: TimeRange): string {
  return withFilters(d, range.range === "custom" ? { range: "custom", from: range.from, to: range.to } : { range: range.range });
}

function withFilters(d: Omit<EventsDrillDown, "from" | "to">, window: Record<string, string | undefined>): string {
  const sp = new URLSearchParams();
  if (d.project) sp.set("project", d.project);
  for (const [k, v] of Object.entries(window)) if (v) sp.set(k, v);
  const rest: [string, string | number | boolean | undefined][] = [
    ["type", d.type], ["model", d.model], ["modelVersion", d.modelVersion], ["promptId", d.promptId],
    ["promptVersion", d.promptVersion], ["status", d.status], ["flagged", d.flagged], ["userId", d.userId], ["sessionId", d.sessionId], ["traceId", d.traceId],
  ];
  for (const [k, v] of rest) if (v !== undefined && v !== "") sp.set(k, String(v));
  return `/events?${sp.toString()}`;
}
