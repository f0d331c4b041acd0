import type { Db } from "@/db/client";
import { batchResult, validateEvents, type ValidatedBatch } from "@/lib/ingest/ingest-events";
import type { StoreStatus } from "@/lib/ingest/store-events";
import { mapSpan, type MappedSpan } from "./map/map-span";
import { internProvenance, type SpanProvenance } from "./otel-context";
import { INHERITED_FIELDS, propagateRootAttributes } from "./propagate-root-attributes";
import { governEvent, withGoverned } from "@/lib/governance/govern-event";
import { ingestPolicy } from "@/lib/governance/ingest-policy";
import type { DecodedBatch, SpanRejection } from "./span-model";

export interface TraceIngestResult {
  /** Spans stored now or already stored by an earlier export (a retry is not an error). */
  accepted: number;
  duplicates: number;
  rejectedSpans: number;
  /** Why spans were rejected (the first few), for `partialSuccess.errorMessage`. */
  errorMessage?: string;
}

/** An export mapped to native events and validated, ready for the store; `finish` turns the store's statuses into the answer. */
export interface PreparedTraces {
  events: ValidatedBatch;
  /** Traces that may need or give root attributes across exports (lib/otlp/inherit-root-attributes.ts). */
  inheritTraces: string[];
  finish(statuses: StoreStatus[]): TraceIngestResult;
}

const REASONS_SHOWN = 5;

/**
 * Everything before the event transaction: mapping, validation, and interning the spans'
 * repeated provenance (lib/otlp/otel-context.ts, which commits new contexts on its own — an
 * unused context row is harmless, a missing one is not). The route runs this on the request
 * thread while the ingest writer stores earlier batches (lib/otlp/export-traces.ts).
 */
export async function prepareTraces(db: Db, projectId: number, batch: DecodedBatch): Promise<PreparedTraces> {
  const rejected: SpanRejection[] = [...batch.rejected];
  const mapped: MappedSpan[] = [];
  const ids: { traceId: string; spanId: string; parentSpanId: string | null }[] = [];
  const provenance: SpanProvenance[] = [];
  // Ids only: the answer comes after the writer stored the batch, and holding the decoded
  // spans until then would keep every in-flight export's attributes in memory.
  const traceIds: string[] = [];
  const spanIds: string[] = [];
  for (const span of batch.spans) {
    try {
      const m = mapSpan(span);
      mapped.push(m);
      ids.push({ traceId: span.traceId, spanId: span.spanId, parentSpanId: span.parentSpanId ?? null });
      provenance.push({ span, otel: m.extra.otel });
      traceIds.push(span.traceId);
      spanIds.push(span.spanId);
    } catch (err) {
      // A mapping bug must cost one span, not the export.
      console.error(`[sightline] OTLP span ${span.traceId}:${span.spanId} could not be mapped`, err);
      rejected.push({ index: -1, traceId: span.traceId, spanId: span.spanId, reason: "could not be mapped (server error, logged)" });
    }
  }
  // Before interning: inherited fields are recorded in the provenance too.
  propagateRootAttributes(mapped, ids);
  const events = mapped.map((m) => m.event);
  // Redaction and the injection flag before anything is stored — the interned provenance too,
  // since it holds the span's raw attributes (lib/governance/govern-event.ts).
  const policy = await ingestPolicy(db, projectId);
  const governed = events.map((event, i) => {
    const res = governEvent(event, provenance[i].otel as unknown as Record<string, unknown>, policy);
    provenance[i].otel = res.extra as unknown as SpanProvenance["otel"];
    return res.governed;
  });
  const extras = events.length ? await internProvenance(db, projectId, provenance) : undefined;
  const validated = validateEvents(events, extras?.map((x, i) => withGoverned(x, governed[i])));
  return {
    events: validated,
    inheritTraces: tracesToReconcile(mapped, ids),
    finish(statuses) {
      const stored = batchResult(validated, statuses);
      for (const r of stored.results) {
        if (r.status !== "rejected") continue;
        rejected.push({ index: r.index, traceId: traceIds[r.index], spanId: spanIds[r.index], reason: r.error?.message ?? "invalid" });
      }
      return {
        accepted: stored.accepted + stored.duplicates,
        duplicates: stored.duplicates,
        rejectedSpans: rejected.length,
        errorMessage: rejected.length ? describe(rejected, batch.total) : undefined,
      };
    },
  };
}

/**
 * Traces of this export whose root attributes may cross an export boundary: those without
 * their root here (the root may be stored already, or come later) and those whose root here
 * carries a field to give (descendants may be stored already, or come later).
 */
function tracesToReconcile(mapped: MappedSpan[], ids: { traceId: string; parentSpanId: string | null }[]): string[] {
  const traces = new Map<string, { root: boolean; gives: boolean }>();
  ids.forEach((s, i) => {
    const t = traces.get(s.traceId) ?? { root: false, gives: false };
    if (s.parentSpanId === null) {
      t.root = true;
      const m = mapped[i];
      t.gives ||= INHERITED_FIELDS.some((f) => (f === "environment" ? "environment" in m.extra.otel.mapped : m.event[f] !== undefined));
    }
    traces.set(s.traceId, t);
  });
  return [...traces].filter(([, t]) => !t.root || t.gives).map(([traceId]) => traceId);
}

function describe(rejected: SpanRejection[], total: number): string {
  const shown = rejected.slice(0, REASONS_SHOWN).map((r) => {
    const who = r.spanId ? `span ${r.spanId}${r.traceId ? ` of trace ${r.traceId}` : ""}` : r.index >= 0 ? `span #${r.index}` : "a span";
    return `${who}: ${r.reason}`;
  });
  const more = rejected.length > REASONS_SHOWN ? `; and ${rejected.length - REASONS_SHOWN} more` : "";
  return `${rejected.length} of ${total} spans rejected: ${shown.join("; ")}${more}`;
}
