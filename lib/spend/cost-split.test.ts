import { describe, expect, it } from "vitest";
import { cacheHitRate, prepareCostSplit } from "./cost-split";

const kinds = (input: number, cacheRead: number, cacheWrite: number, output: number, reasoning: number) => ({ input, cacheRead, cacheWrite, output, reasoning });

describe("prepareCostSplit", () => {
  it("sums groups by kind, drops empty kinds and gives shares of the book cost", () => {
    const split = prepareCostSplit([
      { costUsd: 0.0288825, costByKind: kinds(0.000006, 0.0141315, 0.004035, 0.01071, 0) },
      { costUsd: 0.0288825, costByKind: kinds(0.000006, 0.0141315, 0.004035, 0.01071, 0) },
    ]);
    expect(split.segments.map((s) => s.kind)).toEqual(["input", "cacheRead", "cacheWrite", "output"]);
    expect(split.bookUsd).toBeCloseTo(0.057765, 12);
    expect(split.segments.reduce((a, s) => a + s.share, 0)).toBeCloseTo(1, 12);
    expect(split.differs).toBe(false);
  });

  it("flags a billed cost more than 1% away from the book's", () => {
    expect(prepareCostSplit([{ costUsd: 1.02, costByKind: kinds(1, 0, 0, 0, 0) }]).differs).toBe(true);
    expect(prepareCostSplit([{ costUsd: 1.009, costByKind: kinds(1, 0, 0, 0, 0) }]).differs).toBe(false);
    expect(prepareCostSplit([{ costUsd: 3, costByKind: null }]).differs).toBe(false);
  });
});

describe("cacheHitRate", () => {
  it("is the cache-read share of input tokens", () => {
    expect(cacheHitRate({ inputTokens: 48_183, cacheReadTokens: 47_105 })).toBeCloseTo(0.97763, 4);
    expect(cacheHitRate({ inputTokens: 0, cacheReadTokens: 0 })).toBeNull();
  });
});
