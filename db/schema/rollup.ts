import { blob, integer, primaryKey, real, sqliteTable } from "drizzle-orm/sqlite-core";
import type { RollupMeasure } from "./rollup-measures";

/** Bucket widths in milliseconds. Minute rows are pruned after a retention window. */
export const RESOLUTIONS = { minute: 60_000, hour: 3_600_000, day: 86_400_000 } as const;
export type Resolution = keyof typeof RESOLUTIONS;

/**
 * Pre-aggregated LLM calls and predictions per (project, bucket, model, version, prompt,
 * prompt version). Dimensions use 0 for "none" so they can be part of the primary key.
 * Updated in the ingest transaction, once per group per batch (not once per event).
 * `latencySketch` is a serialised DDSketch (1% relative error), mergeable across buckets.
 */
export const rollup = sqliteTable(
  "rollup",
  {
    projectId: integer("project_id").notNull(),
    resolution: integer("resolution").notNull(),
    bucket: integer("bucket").notNull(),
    /** 1 = LLM call, 2 = prediction. */
    kind: integer("kind").notNull(),
    modelId: integer("model_id").notNull(),
    modelVersionId: integer("model_version_id").notNull(),
    promptId: integer("prompt_id").notNull(),
    promptVersionId: integer("prompt_version_id").notNull(),
    count: integer("count").notNull(),
    errorCount: integer("error_count").notNull(),
    latencyCount: integer("latency_count").notNull(),
    latencySum: real("latency_sum").notNull(),
    latencySketch: blob("latency_sketch", { mode: "buffer" }),
    inputTokens: integer("input_tokens").notNull(),
    outputTokens: integer("output_tokens").notNull(),
    costUsd: real("cost_usd").notNull(),
    unpricedCount: integer("unpriced_count").notNull(),
    /** Usage details (subsets of input / output tokens) and the price book's cost by kind of token. */
    cacheReadTokens: integer("cache_read_tokens").notNull().default(0),
    cacheWriteTokens: integer("cache_write_tokens").notNull().default(0),
    reasoningTokens: integer("reasoning_tokens").notNull().default(0),
    costInputUsd: real("cost_input_usd").notNull().default(0),
    costCacheReadUsd: real("cost_cache_read_usd").notNull().default(0),
    costCacheWriteUsd: real("cost_cache_write_usd").notNull().default(0),
    costOutputUsd: real("cost_output_usd").notNull().default(0),
    costReasoningUsd: real("cost_reasoning_usd").notNull().default(0),
    flaggedCount: integer("flagged_count").notNull(),
    /** Events that carried a hallucination verdict: the denominator of the hallucination rate. */
    judgedCount: integer("judged_count").notNull(),
  },
  (t) => [
    primaryKey({
      columns: [t.projectId, t.resolution, t.bucket, t.kind, t.modelId, t.modelVersionId, t.promptId, t.promptVersionId],
    }),
  ],
);

// The compiler checks the table against the measure list (db/schema/rollup-measures.ts): every
// measure is a column, and every column is a key, the sketch or a measure.
type RollupColumn = keyof typeof rollup.$inferSelect;
type RollupKeyColumn = "projectId" | "resolution" | "bucket" | "kind" | "modelId" | "modelVersionId" | "promptId" | "promptVersionId";
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const rollupMatchesMeasures: Exact<Exclude<RollupColumn, RollupKeyColumn | "latencySketch">, RollupMeasure> = true;
