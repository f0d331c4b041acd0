import { describe, expect, it } from "vitest";
import { DEFAULT_PRICES, shippedPatternLabel } from "./default-prices";
import { PriceMatcher } from "./match-price";
import type { PriceEntry } from "./price-entry";

const T = Date.UTC(2026, 0, 1);
const custom = (over: Partial<PriceEntry>): PriceEntry => ({
  id: 1, projectId: 7, model: "gpt-4o", match: "exact", provider: null, rates: { inputPerMTok: 1, outputPerMTok: 2 }, tiers: [], effectiveFrom: 0,
  ...over,
});

describe("PriceMatcher over the shipped book", () => {
  const book = new PriceMatcher(DEFAULT_PRICES);
  it.each([
    ["gpt-4o", 2.5, 10],
    ["gpt-4o-mini", 0.15, 0.6],
    ["openai/gpt-4o-mini-2024-07-18", 0.15, 0.6],
    ["GPT-4.1-nano", 0.1, 0.4],
    ["claude-sonnet-4-20250514", 3, 15],
    ["anthropic.claude-3-5-haiku-20241022-v1:0", 0.8, 4],
    ["gemini-2.5-flash", 0.3, 2.5],
  ])("prices %s", (model, input, output) => {
    const p = book.find(1, model, null, T);
    expect([p?.rates.inputPerMTok, p?.rates.outputPerMTok]).toEqual([input, output]);
  });

  it("does not match unknown or merely similar names", () => {
    expect(book.find(1, "my-finetune-7b", null, T)).toBeNull();
    expect(book.find(1, "gpt-4o-mini-tts-custom", null, T)).toBeNull();
  });

  it("ships cache rates for every Anthropic model and a long-context tier for Sonnet 4", () => {
    for (const p of DEFAULT_PRICES.filter((d) => d.provider === "anthropic")) {
      expect(p.rates.cacheReadPerMTok).toBeCloseTo(p.rates.inputPerMTok * 0.1, 12);
      expect(p.rates.cacheWritePerMTok).toBeCloseTo(p.rates.inputPerMTok * 1.25, 12);
    }
    expect(book.find(1, "claude-sonnet-4", null, T)!.tiers[0].aboveInputTokens).toBe(200_000);
  });
});

describe("PriceMatcher ranking", () => {
  it("prefers a project's own price in that project only", () => {
    const book = new PriceMatcher([...DEFAULT_PRICES, custom({})]);
    expect(book.find(7, "gpt-4o", null, T)!.rates.inputPerMTok).toBe(1);
    expect(book.find(8, "gpt-4o", null, T)!.rates.inputPerMTok).toBe(2.5);
  });

  it("prefers exact over prefix over regex, and the longer prefix", () => {
    const book = new PriceMatcher([
      custom({ id: 1, model: "ft-.*", match: "regex", rates: { inputPerMTok: 1, outputPerMTok: 1 } }),
      custom({ id: 2, model: "ft-", match: "prefix", rates: { inputPerMTok: 2, outputPerMTok: 2 } }),
      custom({ id: 3, model: "ft-llama", match: "prefix", rates: { inputPerMTok: 3, outputPerMTok: 3 } }),
      custom({ id: 4, model: "FT-llama-70b", match: "exact", rates: { inputPerMTok: 4, outputPerMTok: 4 } }),
    ]);
    expect(book.find(7, "ft-llama-70b", null, T)!.id).toBe(4);
    expect(book.find(7, "ft-llama-8b", null, T)!.id).toBe(3);
    expect(book.find(7, "ft-mistral", null, T)!.id).toBe(2);
    expect(book.find(7, "xft-", null, T)).toBeNull();
  });

  it("applies a price change from its date: calls before it keep the old price", () => {
    const change = Date.UTC(2026, 2, 1);
    const book = new PriceMatcher([
      custom({ id: 1, effectiveFrom: 0 }),
      custom({ id: 2, effectiveFrom: change, rates: { inputPerMTok: 0.5, outputPerMTok: 1 } }),
    ]);
    expect(book.find(7, "gpt-4o", null, change - 1)!.id).toBe(1);
    expect(book.find(7, "gpt-4o", null, change)!.id).toBe(2);
    // A project price not yet in effect falls back to the shipped default.
    const later = new PriceMatcher([...DEFAULT_PRICES, custom({ effectiveFrom: change })]);
    expect(later.find(7, "gpt-4o", null, change - 1)!.id).toBeNull();
  });

  it("prefers the call's provider, but a price for another provider still prices it", () => {
    const book = new PriceMatcher([
      custom({ id: 1, model: "llama-3-70b", provider: "groq" }),
      custom({ id: 2, model: "llama-3-70b", provider: "together" }),
    ]);
    expect(book.find(7, "llama-3-70b", "together", T)!.id).toBe(2);
    expect(book.find(7, "llama-3-70b", "groq", T)!.id).toBe(1);
    expect(book.find(7, "llama-3-70b", "fireworks", T)).not.toBeNull();
  });

  it("skips a regex that does not compile", () => {
    const book = new PriceMatcher([custom({ model: "([", match: "regex" })]);
    expect(book.find(7, "([", null, T)).toBeNull();
  });
});

describe("shippedPatternLabel", () => {
  it("shows a shipped pattern without its provider-prefix and date-suffix wrapping", () => {
    expect(DEFAULT_PRICES.map((p) => shippedPatternLabel(p.model))).toContain("gpt-4.1-mini");
    expect(shippedPatternLabel("ft-.*")).toBe("ft-.*");
  });
});
