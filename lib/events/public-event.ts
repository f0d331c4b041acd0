import type { Db } from "@/db/client";
import type { EventReadRow } from "@/db/statements/event-reads";
import type { DimensionNames } from "@/lib/metrics/dimension-names";
import { expandOtel, loadOtelContexts, type OtelContext } from "@/lib/otlp/otel-context";
import type { PublicEvent } from "./public-event-type";

/** Stored rows → public events: each body parsed once, the OTLP contexts they reference read in one query. */
export async function toPublicEvents(db: Db, projectId: number, rows: EventReadRow[], names: DimensionNames): Promise<PublicEvent[]> {
  const bodies = rows.map((r) => JSON.parse(r.body) as Record<string, unknown>);
  const contexts = await loadOtelContexts(db, projectId, bodies.map((b) => b.otel));
  return rows.map((r, i) => toPublicEvent(r, bodies[i], names, contexts));
}

/**
 * The public JSON of a stored event: columns back to the ingest field names, plus the body,
 * with an OTLP event's interned provenance context merged back into `otel`.
 */
function toPublicEvent(r: EventReadRow, body: Record<string, unknown>, names: DimensionNames, otelContext: (id: number) => OtelContext | undefined): PublicEvent {
  if (body.otel !== undefined) body.otel = expandOtel(body.otel, otelContext);
  const { hallucinationSource, ...rest } = body;
  const out: PublicEvent = {
    id: r.client_id,
    type: r.type,
    timestamp: new Date(r.ts).toISOString(),
    receivedAt: new Date(r.received_at).toISOString(),
    model: r.model_id !== null ? (names.models.get(r.model_id)?.name ?? null) : null,
    modelVersion: r.model_version_id !== null ? (names.modelVersions.get(r.model_version_id) ?? null) : null,
    environment: r.environment,
    userId: r.user_id,
    sessionId: r.session_id,
    traceId: r.trace_id,
    spanId: r.span_id,
    parentSpanId: r.parent_span_id,
    promptId: r.prompt_id !== null ? (names.prompts.get(r.prompt_id) ?? null) : null,
    promptVersion: r.prompt_version_id !== null ? (names.promptVersions.get(r.prompt_version_id) ?? null) : null,
    status: r.status as PublicEvent["status"],
    latencyMs: r.latency_ms,
    inputTokens: r.input_tokens,
    outputTokens: r.output_tokens,
    costUsd: r.cost_usd,
    unpriced: r.unpriced === 1,
    hallucination:
      r.flagged === null ? null : { flagged: r.flagged === 1, score: r.hallucination_score, source: typeof hallucinationSource === "string" ? hallucinationSource : null },
    score: r.score,
    ...rest,
  };
  return out;
}
