import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";

export const EVENT_TYPES = ["llm", "prediction", "label", "metric", "span"] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * One row per accepted telemetry record (LLM call, prediction, label, metric, plain span).
 *
 * The primary key is time-ordered (`timestamp_ms * 1024 + sequence`, see lib/ingest/event-id.ts):
 * inserts append to the right edge of the B-tree, and time-range scans use the key itself, so
 * the table needs no timestamp index. Hot, filterable fields are columns; everything else
 * (text payloads, features, metadata, OTel provenance) lives in the JSON `body`.
 *
 * Deliberately no foreign keys here: every reference is resolved by the ingest service inside
 * the same transaction, and each FK would cost a lookup per inserted row (docs/adr/0002).
 */
export const event = sqliteTable(
  "event",
  {
    id: integer("id").primaryKey(),
    projectId: integer("project_id").notNull(),
    clientId: text("client_id").notNull(),
    type: text("type", { enum: EVENT_TYPES }).notNull(),
    ts: integer("ts").notNull(),
    receivedAt: integer("received_at").notNull(),
    modelId: integer("model_id"),
    modelVersionId: integer("model_version_id"),
    promptId: integer("prompt_id"),
    promptVersionId: integer("prompt_version_id"),
    environment: text("environment").notNull(),
    userId: text("user_id"),
    sessionId: text("session_id"),
    traceId: text("trace_id"),
    spanId: text("span_id"),
    parentSpanId: text("parent_span_id"),
    status: text("status", { enum: ["ok", "error"] }),
    latencyMs: real("latency_ms"),
    inputTokens: integer("input_tokens"),
    outputTokens: integer("output_tokens"),
    /** Subsets of input_tokens / output_tokens (docs/api.md, usage semantics). */
    cacheReadTokens: integer("cache_read_tokens"),
    cacheWriteTokens: integer("cache_write_tokens"),
    reasoningTokens: integer("reasoning_tokens"),
    /** The cost billed: the client-reported one when given (`cost_reported` = 1), else the price book's. */
    costUsd: real("cost_usd"),
    costReported: integer("cost_reported"),
    /**
     * The price book's cost by kind of token (lib/pricing/compute-cost.ts), null when no price
     * matched. Kept per event so that re-pricing can move each rollup by the exact difference.
     */
    costInputUsd: real("cost_input_usd"),
    costCacheReadUsd: real("cost_cache_read_usd"),
    costCacheWriteUsd: real("cost_cache_write_usd"),
    costOutputUsd: real("cost_output_usd"),
    costReasoningUsd: real("cost_reasoning_usd"),
    /** 1 when the event had tokens but neither a client cost nor a matching price. */
    unpriced: integer("unpriced"),
    flagged: integer("flagged"),
    hallucinationScore: real("hallucination_score"),
    score: real("score"),
    body: text("body").notNull(),
  },
  (t) => [
    uniqueIndex("event_project_client_uq").on(t.projectId, t.clientId),
    // Partial: only events that carry a trace id (OTLP spans) pay for this index.
    index("event_trace_idx").on(t.projectId, t.traceId).where(sql`trace_id IS NOT NULL`),
  ],
);
