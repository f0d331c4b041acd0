export interface TraceSpan {
  id: string;
  spanId: string | null;
  parentSpanId: string | null;
  name: string;
  /** Start, epoch ms. */
  start: number;
  durationMs: number;
  status: string | null;
}

export interface TraceRow<S extends TraceSpan = TraceSpan> {
  span: S;
  depth: number;
  /** Offset and width on the timeline, as fractions of the whole trace (0..1). */
  offset: number;
  width: number;
}

export interface TraceLayout<S extends TraceSpan = TraceSpan> {
  rows: TraceRow<S>[];
  start: number;
  durationMs: number;
}

/**
 * Depth-first rows of a trace for a tree + timeline. Spans whose parent is unknown (not yet
 * received, or a root) become roots; siblings are ordered by start time. Cycles are broken.
 */
export function layoutTrace<S extends TraceSpan>(spans: S[]): TraceLayout<S> {
  if (spans.length === 0) return { rows: [], start: 0, durationMs: 0 };
  const start = Math.min(...spans.map((s) => s.start));
  const end = Math.max(...spans.map((s) => s.start + Math.max(0, s.durationMs)));
  const total = Math.max(end - start, 1);
  const bySpanId = new Map<string, S>();
  for (const s of spans) if (s.spanId) bySpanId.set(s.spanId, s);
  const children = new Map<S | null, S[]>();
  for (const s of spans) {
    const parent = s.parentSpanId && s.parentSpanId !== s.spanId ? (bySpanId.get(s.parentSpanId) ?? null) : null;
    const list = children.get(parent) ?? [];
    list.push(s);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort((x, y) => x.start - y.start);
  const rows: TraceRow<S>[] = [];
  const seen = new Set<S>();
  const visit = (s: S, depth: number) => {
    if (seen.has(s)) return;
    seen.add(s);
    rows.push({ span: s, depth, offset: (s.start - start) / total, width: Math.max(0, s.durationMs) / total });
    for (const c of children.get(s) ?? []) visit(c, depth + 1);
  };
  for (const root of children.get(null) ?? []) visit(root, 0);
  // Spans only reachable through a cycle: show them flat rather than dropping them.
  for (const s of spans) if (!seen.has(s)) visit(s, 0);
  return { rows, start, durationMs: end - start };
}

/** Event JSON → spans. An event's timestamp is its start; events without a span id hang off the root. */
export function eventsToSpans<
  E extends { id: string; type: string; timestamp: string; spanId: string | null; parentSpanId: string | null; latencyMs: number | null; status: string | null; name?: unknown; promptId?: string | null; model?: string | null },
>(events: E[]): (TraceSpan & { event: E })[] {
  return events.map((e) => ({
    id: e.id,
    spanId: e.spanId,
    parentSpanId: e.parentSpanId,
    name: typeof e.name === "string" ? e.name : (e.promptId ?? e.model ?? e.type),
    start: Date.parse(e.timestamp),
    durationMs: e.latencyMs ?? 0,
    status: e.status,
    event: e,
  }));
}
