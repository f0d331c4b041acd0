import type { RollupReadRow } from "@/db/statements/rollup-reads";
import { mergeEncoded, newLatencySketch, quantile, type LatencySketch } from "./latency-sketch";

export interface LatencyQuantiles {
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

/** Running sum of rollup rows, with their latency sketches merged. */
export class Aggregate {
  count = 0;
  errorCount = 0;
  latencyCount = 0;
  latencySum = 0;
  inputTokens = 0;
  outputTokens = 0;
  costUsd = 0;
  unpricedCount = 0;
  flaggedCount = 0;
  judgedCount = 0;
  readonly sketch: LatencySketch = newLatencySketch();

  /** Merging sketches is the costly part of a read: skip it when no percentile is asked for. */
  constructor(private readonly withLatency = true) {}

  add(r: RollupReadRow): void {
    this.count += r.count;
    this.errorCount += r.error_count;
    this.latencyCount += r.latency_count;
    this.latencySum += r.latency_sum;
    this.inputTokens += r.input_tokens;
    this.outputTokens += r.output_tokens;
    this.costUsd += r.cost_usd;
    this.unpricedCount += r.unpriced_count;
    this.flaggedCount += r.flagged_count;
    this.judgedCount += r.judged_count;
    if (this.withLatency && r.latency_sketch) mergeEncoded(this.sketch, r.latency_sketch);
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
}

function round(v: number | null): number | null {
  return v === null ? null : Math.round(v * 100) / 100;
}

export function roundUsd(v: number): number {
  return Math.round(v * 1e8) / 1e8;
}
