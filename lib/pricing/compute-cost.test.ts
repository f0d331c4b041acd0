import { describe, expect, it } from "vitest";
import { computeCost } from "./compute-cost";
import { DEFAULT_PRICES } from "./default-prices";
import { PriceMatcher } from "./match-price";
import { toTokenUsage, usageIssue, type UsageFields } from "./usage";

const book = new PriceMatcher(DEFAULT_PRICES);
const costAt = (model: string, u: UsageFields, provider: string | null = null) => {
  const price = book.find(1, model, provider, Date.UTC(2025, 11, 1));
  if (!price) throw new Error(`no price for ${model}`);
  return computeCost(price, toTokenUsage(u));
};

/** Invoice figures computed by hand from the providers' list prices (USD per 1M tokens). */
describe("computeCost at the shipped list prices", () => {
  it("Anthropic claude-sonnet-4 with cache reads and writes: the invoice's $0.0288825", () => {
    // 48,183 input = 2 uncached + 47,105 read ($0.30) + 1,076 written ($3.75); 714 output ($15).
    const c = costAt("claude-sonnet-4-20250514", { inputTokens: 48_183, cacheReadInputTokens: 47_105, cacheCreationInputTokens: 1_076, outputTokens: 714 });
    expect(Math.abs(c.total - 0.0288825)).toBeLessThan(1e-9);
    expect(Math.abs(c.input - 0.000006)).toBeLessThan(1e-12);
    expect(Math.abs(c.cacheRead - 0.0141315)).toBeLessThan(1e-12);
    expect(Math.abs(c.cacheWrite - 0.004035)).toBeLessThan(1e-12);
    expect(Math.abs(c.output - 0.01071)).toBeLessThan(1e-12);
    expect(c.reasoning).toBe(0);
  });

  it("prices 1-hour cache writes at 2× input", () => {
    const c = costAt("claude-sonnet-4", { inputTokens: 2_000, cacheCreationInputTokens: 2_000, cacheCreation1hInputTokens: 1_000, outputTokens: 0 });
    // 1,000 × $3.75 + 1,000 × $6
    expect(Math.abs(c.total - 0.00975)).toBeLessThan(1e-12);
  });

  it("OpenAI gpt-5 with cached prompt tokens and reasoning tokens", () => {
    // 12,000 prompt = 3,808 uncached ($1.25) + 8,192 cached ($0.125); 3,500 completion = 684 text + 2,816 reasoning ($10).
    const c = costAt("gpt-5-2025-08-07", { inputTokens: 12_000, cacheReadInputTokens: 8_192, outputTokens: 3_500, reasoningTokens: 2_816 });
    expect(Math.abs(c.total - 0.040784)).toBeLessThan(1e-9);
    expect(Math.abs(c.reasoning - 0.02816)).toBeLessThan(1e-12);
  });

  it("Gemini 2.5 Pro above its 200k long-context tier bills the whole call at the higher rates", () => {
    // 250,000 input > 200k: 150,000 uncached ($2.50) + 100,000 cached ($0.25); 2,000 output incl. 1,200 thoughts ($15).
    const above = costAt("gemini-2.5-pro", { inputTokens: 250_000, cacheReadInputTokens: 100_000, outputTokens: 2_000, reasoningTokens: 1_200 });
    expect(Math.abs(above.total - 0.43)).toBeLessThan(1e-9);
    const below = costAt("gemini-2.5-pro", { inputTokens: 150_000, outputTokens: 1_000 });
    expect(Math.abs(below.total - 0.1975)).toBeLessThan(1e-9);
    const atTheLimit = costAt("gemini-2.5-pro", { inputTokens: 200_000, outputTokens: 0 });
    expect(Math.abs(atTheLimit.total - 0.25)).toBeLessThan(1e-9);
  });

  it("prices audio input at its own rate and never gives a negative part", () => {
    const c = costAt("gemini-2.5-flash", { inputTokens: 1_000, audioInputTokens: 400, outputTokens: 10 });
    expect(Math.abs(c.input - (600 * 0.3 + 400 * 1) / 1e6)).toBeLessThan(1e-15);
    const odd = computeCost({ rates: { inputPerMTok: 1, outputPerMTok: 1 }, tiers: [] }, toTokenUsage({ inputTokens: 5, cacheReadInputTokens: 9 }));
    expect(odd.input).toBe(0);
  });
});

describe("usageIssue (the pinned subset rules)", () => {
  it.each([
    [{ inputTokens: 10, cacheReadInputTokens: 11 }, "cacheReadInputTokens"],
    [{ inputTokens: 10, cacheReadInputTokens: 6, cacheCreationInputTokens: 5 }, "cacheCreationInputTokens"],
    [{ outputTokens: 10, reasoningTokens: 11 }, "reasoningTokens"],
    [{ reasoningTokens: 1 }, "reasoningTokens"],
    [{ inputTokens: 10, cacheCreationInputTokens: 4, cacheCreation1hInputTokens: 5 }, "cacheCreation1hInputTokens"],
    [{ inputTokens: 10, cacheCreation5mInputTokens: 4 }, "cacheCreation5mInputTokens"],
    [{ inputTokens: 10, imageInputTokens: 11 }, "imageInputTokens"],
    [{ outputTokens: 10, audioOutputTokens: 11 }, "audioOutputTokens"],
  ] as [UsageFields, string][])("rejects %j naming %s", (u, path) => {
    expect(usageIssue(u)?.path).toBe(path);
  });

  it("accepts details within their totals", () => {
    expect(usageIssue({ inputTokens: 48_183, cacheReadInputTokens: 47_105, cacheCreationInputTokens: 1_076, outputTokens: 714 })).toBeUndefined();
    expect(usageIssue({ inputTokens: 10, cacheCreationInputTokens: 10, cacheCreation5mInputTokens: 4, cacheCreation1hInputTokens: 6 })).toBeUndefined();
  });
});
