import type { Db } from "@/db/client";
import { UnavailableError } from "@/lib/api/errors";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { mapSpan } from "./map/map-span";
import { internProvenance, type SpanProvenance } from "./otel-context";
import type { DecodedBatch, SpanRejection } from "./span-model";

export interface TraceIngestResult {
  /** Spans stored now or already stored by an earlier export (a retry is not an error). */
  accepted: number;
  duplicates: number;
  rejectedSpans: number;
  /** Why spans were rejected (the first few), for `partialSuccess.errorMessage`. */
  errorMessage?: string;
}

const REASONS_SHOWN = 5;
/** Events per transaction: a huge export is stored in slices, yielding to other requests between them. */
const SLICE = 1000;

/**
 * Decoded OTLP spans → native events → the one ingest service (one transaction per slice of
 * 1000; an exporter's batch of 512 is one). Each span stands alone: a span the mapping or
 * validation refuses is counted in `rejectedSpans` with its reason, and the others are stored.
 * If a later slice fails (503), the earlier ones stay stored and the exporter's retry finds
 * them as duplicates.
 */
export async function ingestTraces(db: Db, projectId: number, batch: DecodedBatch): Promise<TraceIngestResult> {
  const rejected: SpanRejection[] = [...batch.rejected];
  const events: Record<string, unknown>[] = [];
  const provenance: SpanProvenance[] = [];
  const origin: { traceId: string; spanId: string }[] = [];
  for (const span of batch.spans) {
    try {
      const { event, extra } = mapSpan(span);
      events.push(event);
      provenance.push({ span, otel: extra.otel });
      origin.push(span);
    } catch (err) {
      // A mapping bug must cost one span, not the export.
      console.error(`[sightline] OTLP span ${span.traceId}:${span.spanId} could not be mapped`, err);
      rejected.push({ index: -1, traceId: span.traceId, spanId: span.spanId, reason: "could not be mapped (server error, logged)" });
    }
  }
  let accepted = 0;
  let duplicates = 0;
  for (let start = 0; start < events.length; start += SLICE) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    const result = store(db, projectId, events.slice(start, start + SLICE), provenance.slice(start, start + SLICE));
    accepted += result.accepted + result.duplicates;
    duplicates += result.duplicates;
    for (const r of result.results) {
      if (r.status !== "rejected") continue;
      const { traceId, spanId } = origin[start + r.index];
      rejected.push({ index: start + r.index, traceId, spanId, reason: r.error?.message ?? "invalid" });
    }
  }
  return {
    accepted,
    duplicates,
    rejectedSpans: rejected.length,
    errorMessage: rejected.length ? describe(rejected, batch.total) : undefined,
  };
}

/** The repeated part of each span's provenance is interned first (lib/otlp/otel-context.ts). */
function store(db: Db, projectId: number, events: unknown[], provenance: SpanProvenance[]) {
  try {
    return ingestEvents(db, projectId, events, { extras: internProvenance(db, projectId, provenance) });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === "SQLITE_BUSY" || code === "SQLITE_LOCKED") {
      throw new UnavailableError("The database is busy; retry the export", 1);
    }
    throw err;
  }
}

function describe(rejected: SpanRejection[], total: number): string {
  const shown = rejected.slice(0, REASONS_SHOWN).map((r) => {
    const who = r.spanId ? `span ${r.spanId}${r.traceId ? ` of trace ${r.traceId}` : ""}` : r.index >= 0 ? `span #${r.index}` : "a span";
    return `${who}: ${r.reason}`;
  });
  const more = rejected.length > REASONS_SHOWN ? `; and ${rejected.length - REASONS_SHOWN} more` : "";
  return `${rejected.length} of ${total} spans rejected: ${shown.join("; ")}${more}`;
}
