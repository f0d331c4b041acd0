import type { Db } from "@/db/client";
import { UnavailableError } from "@/lib/api/errors";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { mapSpan } from "./map/map-span";
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

/**
 * Decoded OTLP spans → native events → the one ingest service, in one transaction. Each span
 * stands alone: a span the mapping or validation refuses is counted in `rejectedSpans` with its
 * reason, and the others are stored.
 */
export function ingestTraces(db: Db, projectId: number, batch: DecodedBatch): TraceIngestResult {
  const rejected: SpanRejection[] = [...batch.rejected];
  const events: Record<string, unknown>[] = [];
  const extras: Record<string, unknown>[] = [];
  const origin: { traceId: string; spanId: string }[] = [];
  for (const span of batch.spans) {
    try {
      const { event, extra } = mapSpan(span);
      events.push(event);
      extras.push(extra);
      origin.push(span);
    } catch (err) {
      // A mapping bug must cost one span, not the export.
      console.error(`[sightline] OTLP span ${span.traceId}:${span.spanId} could not be mapped`, err);
      rejected.push({ index: -1, traceId: span.traceId, spanId: span.spanId, reason: "could not be mapped (server error, logged)" });
    }
  }
  const result = store(db, projectId, events, extras);
  for (const r of result.results) {
    if (r.status !== "rejected") continue;
    const { traceId, spanId } = origin[r.index];
    rejected.push({ index: r.index, traceId, spanId, reason: r.error?.message ?? "invalid" });
  }
  return {
    accepted: result.accepted + result.duplicates,
    duplicates: result.duplicates,
    rejectedSpans: rejected.length,
    errorMessage: rejected.length ? describe(rejected, batch.total) : undefined,
  };
}

function store(db: Db, projectId: number, events: unknown[], extras: Record<string, unknown>[]) {
  try {
    return ingestEvents(db, projectId, events, { extras });
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
