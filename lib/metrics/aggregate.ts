import type { RollupReadRow } from "@/db/statements/rollup-reads";
import type { CostKind } from "@/lib/pricing/compute-cost";
import { mergeEncoded, newLatencySketch, quantile, type LatencySketch } from "./latency-sketch";

export interface LatencyQuantiles {
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

/** The rollup columns an aggregate sums (a subset of a rollup row). */
export type RollupSlice = Pick<
  RollupReadRow,
  "count" | "error_count" | "input_tokens" | "output_tokens" | "cost_usd" | "unpriced_count" | "flagged_count" | "judged_count" | "latency_sketch" |
  "cache_read_tokens" | "cache_write_tokens" | "reasoning_tokens" | "cost_input_usd" | "cost_cache_read_usd" | "cost_cache_write_usd" |
  "cost_output_usd" | "cost_reasoning_usd"
>;

export interface AggregateMetrics {
  count: number;
  errorRate: number | null;
  latencyMs: LatencyQuantiles;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  unpricedCount: number;
  flaggedCount: number;
  judgedCount: number;
  hallucinationRate: number | null;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
  /** Cache-read share of input tokens (null without input tokens). */
  cacheHitRate: number | null;
  /** The price book's cost by kind of token; `costUsd` is what was billed (client-reported costs win). */
  costByKind: Record<CostKind, number>;
  bookCostUsd: number;
}

/** Running sum of rollup rows, with their latency sketches merged. */
export class Aggregate {
  count = 0;
  errorCount = 0;
  inputTokens = 0;
  outputTokens = 0;
  costUsd = 0;
  unpricedCount = 0;
  flaggedCount = 0;
  judgedCount = 0;
  cacheReadTokens = 0;
  cacheWriteTokens = 0;
  reasoningTokens = 0;
  readonly costByKind: Record<CostKind, number> = { input: 0, cacheRead: 0, cacheWrite: 0, output: 0, reasoning: 0 };
  readonly sketch: LatencySketch = newLatencySketch();

  /** Merging sketches is the costly part of a read: skip it when no percentile is asked for. */
  constructor(private readonly withLatency = true) {}

  add(r: RollupSlice): void {
    this.count += r.count;
    this.errorCount += r.error_count;
    this.inputTokens += r.input_tokens;
    this.outputTokens += r.output_tokens;
    this.costUsd += r.cost_usd;
    this.unpricedCount += r.unpriced_count;
    this.flaggedCount += r.flagged_count;
    this.judgedCount += r.judged_count;
    this.cacheReadTokens += r.cache_read_tokens;
    this.cacheWriteTokens += r.cache_write_tokens;
    this.reasoningTokens += r.reasoning_tokens;
    const k = this.costByKind;
    k.input += r.cost_input_usd;
    k.cacheRead += r.cost_cache_read_usd;
    k.cacheWrite += r.cost_cache_write_usd;
    k.output += r.cost_output_usd;
    k.reasoning += r.cost_reasoning_usd;
    if (this.withLatency && r.latency_sketch && r.latency_sketch.length > 0) mergeEncoded(this.sketch, r.latency_sketch);
  }

  errorRate(): number | null {
    return this.count ? this.errorCount / this.count : null;
  }

  /** Flagged among the calls that carried a hallucination verdict. */
  hallucinationRate(): number | null {
    return this.judgedCount ? this.flaggedCount / this.judgedCount : null;
  }

  cacheHitRate(): number | null {
    return this.inputTokens ? this.cacheReadTokens / this.inputTokens : null;
  }

  bookCostUsd(): number {
    const k = this.costByKind;
    return k.input + k.cacheRead + k.cacheWrite + k.output + k.reasoning;
  }

  /** Rounded like every reported dollar figure. */
  costByKindUsd(): Record<CostKind, number> {
    const k = this.costByKind;
    return { input: roundUsd(k.input), cacheRead: roundUsd(k.cacheRead), cacheWrite: roundUsd(k.cacheWrite), output: roundUsd(k.output), reasoning: roundUsd(k.reasoning) };
  }

  latency(): LatencyQuantiles {
    return { p50: round(quantile(this.sketch, 0.5)), p95: round(quantile(this.sketch, 0.95)), p99: round(quantile(this.sketch, 0.99)) };
  }

  metrics(): AggregateMetrics {
    return {
      count: this.count, errorRate: this.errorRate(), latencyMs: this.latency(), inputTokens: this.inputTokens,
      outputTokens: this.outputTokens, costUsd: roundUsd(this.costUsd), unpricedCount: this.unpricedCount,
      flaggedCount: this.flaggedCount, judgedCount: this.judgedCount, hallucinationRate: this.hallucinationRate(),
      cacheReadTokens: this.cacheReadTokens, cacheWriteTokens: this.cacheWriteTokens, reasoningTokens: this.reasoningTokens,
      cacheHitRate: this.cacheHitRate(), costByKind: this.costByKindUsd(), bookCostUsd: roundUsd(this.bookCostUsd()),
    };
  }
}

function round(v: number | null): number | null {
  return v === null ? null : Math.round(v * 100) / 100;
}

export function roundUsd(v: number): number {
  return Math.round(v * 1e8) / 1e8;
}
