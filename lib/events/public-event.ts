import type { Db } from "@/db/client";
import type { EventReadRow } from "@/db/statements/event-reads";
import type { DimensionNames } from "@/lib/metrics/dimension-names";
import { expandOtel, loadOtelContexts, type OtelContext } from "@/lib/otlp/otel-context";
import { reportedCostDiffers } from "@/lib/pricing/price-call";
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
  const { hallucinationSource, usage, ...rest } = body;
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
    ...(r.type === "llm" ? spendOf(r, usage) : {}),
    unpriced: r.unpriced === 1,
    hallucination:
      r.flagged === null ? null : { flagged: r.flagged === 1, score: r.hallucination_score, source: typeof hallucinationSource === "string" ? hallucinationSource : null },
    score: r.score,
    ...rest,
  };
  return out;
}

/** An LLM call's usage details and cost split (the columns, plus the details kept in the body's `usage`). */
function spendOf(r: EventReadRow, usage: unknown): Partial<PublicEvent> {
  const book =
    r.cost_input_usd === null
      ? null
      : { input: r.cost_input_usd, cacheRead: r.cost_cache_read_usd ?? 0, cacheWrite: r.cost_cache_write_usd ?? 0, output: r.cost_output_usd ?? 0, reasoning: r.cost_reasoning_usd ?? 0 };
  const bookCostUsd = book ? book.input + book.cacheRead + book.cacheWrite + book.output + book.reasoning : null;
  const reported = r.cost_reported === 1;
  return {
    cacheReadInputTokens: r.cache_read_tokens,
    cacheCreationInputTokens: r.cache_write_tokens,
    reasoningTokens: r.reasoning_tokens,
    ...(typeof usage === "object" && usage !== null ? (usage as Record<string, number>) : {}),
    costReported: reported,
    costByKind: book,
    bookCostUsd,
    costDiffers: reported && r.cost_usd !== null && bookCostUsd !== null && reportedCostDiffers(r.cost_usd, bookCostUsd),
  };
}
