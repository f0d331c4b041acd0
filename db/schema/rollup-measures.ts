/**
 * The summed measures of a rollup row, defined once. The schema is checked against this list by
 * the compiler (db/schema/rollup.ts), and the upsert and read statements (db/statements/),
 * the ingest accumulator (lib/ingest/rollup-accumulator.ts) and the reader's aggregate
 * (lib/metrics/aggregate.ts) are built from it: a new measure is one line here, one column in
 * the schema, and its per-event contribution (which the compiler then demands).
 * The latency sketch is not in the list: it merges instead of adding.
 */
export const ROLLUP_MEASURES = {
  count: { column: "count", type: "integer" },
  errorCount: { column: "error_count", type: "integer" },
  latencyCount: { column: "latency_count", type: "integer" },
  latencySum: { column: "latency_sum", type: "real" },
  inputTokens: { column: "input_tokens", type: "integer" },
  outputTokens: { column: "output_tokens", type: "integer" },
  costUsd: { column: "cost_usd", type: "real" },
  unpricedCount: { column: "unpriced_count", type: "integer" },
  flaggedCount: { column: "flagged_count", type: "integer" },
  /** Events that carried a hallucination verdict: the denominator of the hallucination rate. */
  judgedCount: { column: "judged_count", type: "integer" },
  /** Usage details (subsets of input / output tokens, docs/api.md). */
  cacheReadTokens: { column: "cache_read_tokens", type: "integer" },
  cacheWriteTokens: { column: "cache_write_tokens", type: "integer" },
  reasoningTokens: { column: "reasoning_tokens", type: "integer" },
  /** The price book's cost by kind of token (lib/pricing/compute-cost.ts); sums to the book's cost. */
  costInputUsd: { column: "cost_input_usd", type: "real" },
  costCacheReadUsd: { column: "cost_cache_read_usd", type: "real" },
  costCacheWriteUsd: { column: "cost_cache_write_usd", type: "real" },
  costOutputUsd: { column: "cost_output_usd", type: "real" },
  costReasoningUsd: { column: "cost_reasoning_usd", type: "real" },
} as const;

export type RollupMeasure = keyof typeof ROLLUP_MEASURES;
export type Measures = Record<RollupMeasure, number>;

/** The measure names in one fixed order: the order of every statement's columns and parameters. */
export const MEASURE_NAMES = Object.keys(ROLLUP_MEASURES) as RollupMeasure[];

export function zeroMeasures(): Measures {
  const m = {} as Measures;
  for (const k of MEASURE_NAMES) m[k] = 0;
  return m;
}

/** Adds `from` into `into`, measure by measure. */
export function addMeasures(into: Measures, from: Measures): void {
  for (const k of MEASURE_NAMES) into[k] += from[k];
}
