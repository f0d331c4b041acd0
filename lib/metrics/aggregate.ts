import { addMeasures, zeroMeasures, type Measures } from "@/db/schema/rollup-measures";
import type { RollupReadRow } from "@/db/statements/rollup-reads";
import type { CostKind } from "@/lib/pricing/compute-cost";
import { mergeEncoded, newLatencySketch, quantile, type LatencySketch } from "./latency-sketch";

export interface LatencyQuantiles {
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

/** What an aggregate sums: a rollup row's measures and its sketch. */
export type RollupSlice = Pick<RollupReadRow, keyof Measures | "latency_sketch">;

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

/** Running sum of rollup rows (every measure of db/schema/rollup-measures.ts), with their latency sketches merged. */
export class Aggregate {
  readonly sums: Measures = zeroMeasures();
  readonly sketch: LatencySketch = newLatencySketch();

  /** Merging sketches is the costly part of a read: skip it when no percentile is asked for. */
  constructor(private readonly withLatency = true) {}

  add(r: RollupSlice): void {
    addMeasures(this.sums, r);
    if (this.withLatency && r.latency_sketch && r.latency_sketch.length > 0) mergeEncoded(this.sketch, r.latency_sketch);
  }

  get count(): number {
    return this.sums.count;
  }
  get errorCount(): number {
    return this.sums.errorCount;
  }
  get inputTokens(): number {
    return this.sums.inputTokens;
  }
  get outputTokens(): number {
    return this.sums.outputTokens;
  }
  get costUsd(): number {
    return this.sums.costUsd;
  }
  get unpricedCount(): number {
    return this.sums.unpricedCount;
  }
  get flaggedCount(): number {
    return this.sums.flaggedCount;
  }
  get judgedCount(): number {
    return this.sums.judgedCount;
  }

  get cacheReadTokens(): number {
    return this.sums.cacheReadTokens;
  }
  get cacheWriteTokens(): number {
    return this.sums.cacheWriteTokens;
  }
  get reasoningTokens(): number {
    return this.sums.reasoningTokens;
  }

  /** Cache-read share of input tokens. */
  cacheHitRate(): number | null {
    return this.inputTokens ? this.cacheReadTokens / this.inputTokens : null;
  }

  /** The price book's cost by kind, rounded like every reported dollar figure. */
  costByKind(): Record<CostKind, number> {
    const s = this.sums;
    return {
      input: roundUsd(s.costInputUsd), cacheRead: roundUsd(s.costCacheReadUsd), cacheWrite: roundUsd(s.costCacheWriteUsd),
      output: roundUsd(s.costOutputUsd), reasoning: roundUsd(s.costReasoningUsd),
    };
  }

  bookCostUsd(): number {
    const s = this.sums;
    return roundUsd(s.costInputUsd + s.costCacheReadUsd + s.costCacheWriteUsd + s.costOutputUsd + s.costReasoningUsd);
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
      cacheReadTokens: this.cacheReadTokens, cacheWriteTokens: this.cacheWriteTokens, reasoningTokens: this.reasoningTokens,
      cacheHitRate: this.cacheHitRate(), costByKind: this.costByKind(), bookCostUsd: this.bookCostUsd(),
    };
  }
}

function round(v: number | null): number | null {
  return v === null ? null : Math.round(v * 100) / 100;
}

export function roundUsd(v: number): number {
  return Math.round(v * 1e8) / 1e8;
}
