import { and, eq, inArray } from "drizzle-orm";
import { event } from "@/db/schema";
import type { EventReadRow } from "@/db/statements/event-reads";
import type { Db } from "@/db/client";
import type { PublicEvent } from "@/lib/events/public-event-type";
import { toPublicEvents } from "@/lib/events/public-event";
import { loadDimensionNames } from "@/lib/metrics/dimension-names";

const CHUNK = 500;

/**
 * The columns of `EventReadRow`, so review reads feed the same public-event mapper as the events
 * API; `satisfies` makes a column added there a compile error here until it is added.
 */
const READ_COLUMNS = {
  id: event.id, client_id: event.clientId, type: event.type, ts: event.ts, received_at: event.receivedAt,
  model_id: event.modelId, model_version_id: event.modelVersionId, prompt_id: event.promptId,
  prompt_version_id: event.promptVersionId, environment: event.environment, user_id: event.userId,
  session_id: event.sessionId, trace_id: event.traceId, span_id: event.spanId, parent_span_id: event.parentSpanId,
  status: event.status, latency_ms: event.latencyMs, input_tokens: event.inputTokens, output_tokens: event.outputTokens,
  cost_usd: event.costUsd, cache_read_tokens: event.cacheReadTokens, cache_write_tokens: event.cacheWriteTokens,
  reasoning_tokens: event.reasoningTokens, cost_reported: event.costReported, cost_input_usd: event.costInputUsd,
  cost_cache_read_usd: event.costCacheReadUsd, cost_cache_write_usd: event.costCacheWriteUsd,
  cost_output_usd: event.costOutputUsd, cost_reasoning_usd: event.costReasoningUsd,
  unpriced: event.unpriced, flagged: event.flagged, hallucination_score: event.hallucinationScore,
  score: event.score, body: event.body,
} satisfies Record<keyof EventReadRow, unknown>;

/** Events by key (`event.id`), as the events API shows them; keys of other projects are absent. */
export async function loadPublicEvents(db: Db, projectId: number, keys: number[]): Promise<Map<number, PublicEvent>> {
  const out = new Map<number, PublicEvent>();
  if (keys.length === 0) return out;
  const names = await loadDimensionNames(db, projectId);
  for (let i = 0; i < keys.length; i += CHUNK) {
    const rows: EventReadRow[] = await db.orm.select(READ_COLUMNS).from(event)
      .where(and(eq(event.projectId, projectId), inArray(event.id, keys.slice(i, i + CHUNK))));
    const pub = await toPublicEvents(db, projectId, rows, names);
    rows.forEach((r, j) => out.set(r.id, pub[j]));
  }
  return out;
}

/** Client ids (the public event ids) → keys; ids without an event are left out. */
export async function keysOfClientIds(db: Db, projectId: number, clientIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < clientIds.length; i += CHUNK) {
    const rows = await db.orm.select({ id: event.id, clientId: event.clientId }).from(event)
      .where(and(eq(event.projectId, projectId), inArray(event.clientId, clientIds.slice(i, i + CHUNK))));
    for (const r of rows) out.set(r.clientId, r.id);
  }
  return out;
}
