import type { MappedSpan } from "./map/map-span";

/**
 * Trace-level attributes that SDKs (Langfuse, OpenInference, hand-written instrumentation)
 * often set on the root span only. A span of the same trace that lacks one takes the root's.
 */
export const INHERITED_FIELDS = ["userId", "sessionId", "environment", "tags"] as const;

/**
 * Copies INHERITED_FIELDS from each trace's root span (no parent) to the other spans of that
 * trace in the same export when they lack the field, and records the source in the mapping
 * provenance (`root span <spanId>`), so the inspector shows where the value came from.
 *
 * Within one export: a root exported in another batch than its children (exporters batch by
 * end time, and the root usually ends last) reaches them through the `trace-root-attributes`
 * job a few seconds after both are stored (lib/otlp/inherit-root-attributes.ts, same rule).
 * A trace with several parentless spans has no single root and is left alone.
 * `traceIds`, `spanIds` and `parentIds` run parallel to `spans`. Mutates the mapped events.
 */
export function propagateRootAttributes(spans: MappedSpan[], ids: { traceId: string; spanId: string; parentSpanId: string | null }[]): void {
  const roots = new Map<string, number | null>();
  ids.forEach((s, i) => {
    if (s.parentSpanId) return;
    roots.set(s.traceId, roots.has(s.traceId) ? null : i);
  });
  ids.forEach((s, i) => {
    const r = roots.get(s.traceId);
    if (r === undefined || r === null || r === i) return;
    const root = spans[r].event;
    const span = spans[i];
    for (const field of INHERITED_FIELDS) {
      const value = root[field];
      if (value === undefined || span.event[field] !== undefined) continue;
      span.event[field] = Array.isArray(value) ? [...value] : value;
      span.extra.otel.mapped[field] = `root span ${ids[r].spanId}`;
    }
  });
}
