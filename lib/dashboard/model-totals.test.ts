import { describe, expect, it } from "vitest";
import type { MetricsGroup } from "@/lib/metrics/get-metrics";
import { modelTotals } from "./model-totals";

const group = (modelVersion: string, count: number, errorRate: number, tokens: number, costUsd: number): MetricsGroup => ({
  model: "m", kind: "llm", modelVersion, count, errorRate, latencyMs: { p50: null, p95: null, p99: null },
  inputTokens: tokens, outputTokens: 0, costUsd, flaggedCount: 1,
});

describe("modelTotals", () => {
  const groups = [group("v1", 100, 0.1, 1000, 1), group("v2", 300, 0.02, 3000, 2)];
  it("sums every version without a filter", () => {
    expect(modelTotals(groups, undefined)).toEqual({ count: 400, errorRate: (10 + 6) / 400, tokens: 4000, inputTokens: 4000, cacheReadTokens: 0, costUsd: 3, flaggedCount: 2 });
  });
  it("counts only the filtered version when one is chosen", () => {
    expect(modelTotals(groups, "v2")).toEqual({ count: 300, errorRate: 0.02, tokens: 3000, inputTokens: 3000, cacheReadTokens: 0, costUsd: 2, flaggedCount: 1 });
    expect(modelTotals(groups, "v9")).toEqual({ count: 0, errorRate: null, tokens: 0, inputTokens: 0, cacheReadTokens: 0, costUsd: 0, flaggedCount: 0 });
  });
});
