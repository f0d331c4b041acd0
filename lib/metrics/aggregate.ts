import type { RollupReadRow } from "@/db/statements/rollup-reads";
import { mergeEncoded, newLatencySketch, quantile, type LatencySketch } from "./latency-sketch";

export interface LatencyQuantiles {
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

/** The rollup columns an aggregate sums (a subset of a rollup row). */
export type RollupSlice = Pick<
  RollupReadRow,
  "count" | "error_count" | "input_tokens" | "output_tokens" | "cost_usd" | "unpriced_count" | "flagged_count" | "judged_count" | "latency_sketch"
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
    if (this.withLatency && r.latency_sketch && r.latency_sketch.length > 0) mergeEncoded(this.sketch, r.latency_sketch);
  }

  errorRate(): number | null {
    return this.count ? this.errorCount / this.count : null;
  }

  /** Flagged among the calls that carried a hallucination verdict. */
  hallucinationRate(): number | null {
    return this.judgedCount ? this.flaggedCount / this.judgedCount : null;
  }

  latency(): LatencyQuantiles {
    return { p50: round(quantile(this.sketch, 0.5)), p95: round(quantile(this.sketch, 0.95)), p99: round(quantile(this.sketch, 0.99)) };
  }

  metrics(): AggregateMetrics {
    return {
      count: this.count, errorRate: this.errorRate(), latencyMs: this.latency(), inputTokens: this.inputTokens,
      outputTokens: this.outputTokens, costUsd: roundUsd(this.costUsd), unpricedCount: this.unpricedCount,
      flaggedCount: this.flaggedCount, judgedCount: this.judgedCount, hallucinationRate: this.hallucinationRate(),
    };
  }
}

function round(v: number | null): number | null {
  return v === null ? null : Math.round(v * 100) / 100;
}

export function roundUsd(v: number): number {
  return Math.round(v * 1e8) / 1e8;
}
