import { mergeEncoded, newLatencySketch, quantile, type LatencySketch } from "@/lib/metrics/latency-sketch";

/** Rollup columns summed over buckets, plus a merged latency sketch. */
export interface Aggregate {
  count: number;
  errorCount: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  unpricedCount: number;
  flaggedCount: number;
  judgedCount: number;
  sketch: LatencySketch | null;
}

export interface RollupSlice {
  count: number;
  error_count: number;
  input_tokens: number;
  output_tokens: number;
  cost_usd: number;
  unpriced_count: number;
  flagged_count: number;
  judged_count: number;
  latency_sketch: Uint8Array | null;
}

export function emptyAggregate(): Aggregate {
  return { count: 0, errorCount: 0, inputTokens: 0, outputTokens: 0, costUsd: 0, unpricedCount: 0, flaggedCount: 0, judgedCount: 0, sketch: null };
}

export function addSlice(a: Aggregate, r: RollupSlice): void {
  a.count += r.count;
  a.errorCount += r.error_count;
  a.inputTokens += r.input_tokens;
  a.outputTokens += r.output_tokens;
  a.costUsd += r.cost_usd;
  a.unpricedCount += r.unpriced_count;
  a.flaggedCount += r.flagged_count;
  a.judgedCount += r.judged_count;
  if (r.latency_sketch && r.latency_sketch.length > 0) mergeEncoded((a.sketch ??= newLatencySketch()), r.latency_sketch);
}

export interface AggregateMetrics {
  count: number;
  errorRate: number | null;
  latencyMs: { p50: number | null; p95: number | null; p99: number | null };
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  unpricedCount: number;
  flaggedCount: number;
  judgedCount: number;
  hallucinationRate: number | null;
}

export function toMetrics(a: Aggregate): AggregateMetrics {
  const q = (p: number) => (a.sketch ? quantile(a.sketch, p) : null);
  return {
    count: a.count,
    errorRate: a.count > 0 ? a.errorCount / a.count : null,
    latencyMs: { p50: q(0.5), p95: q(0.95), p99: q(0.99) },
    inputTokens: a.inputTokens,
    outputTokens: a.outputTokens,
    costUsd: a.costUsd,
    unpricedCount: a.unpricedCount,
    flaggedCount: a.flaggedCount,
    judgedCount: a.judgedCount,
    hallucinationRate: a.judgedCount > 0 ? a.flaggedCount / a.judgedCount : null,
  };
}
