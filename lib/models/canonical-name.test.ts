import { describe, expect, it } from "vitest";
import { canonicalModelName } from "./canonical-name";

describe("canonicalModelName", () => {
  it.each([
    ["gpt-4o-2024-08-06", "gpt-4o"],
    ["openai/gpt-4o", "gpt-4o"],
    ["openai/gpt-4o-2024-08-06", "gpt-4o"],
    ["gpt-4o", "gpt-4o"],
    ["GPT-4o-2024-05-13", "gpt-4o"],
    ["gpt-4o-mini-2024-07-18", "gpt-4o-mini"],
    ["gpt-4.1-2025-04-14", "gpt-4.1"],
    ["gpt-4.1-mini", "gpt-4.1-mini"],
    ["claude-sonnet-4-20250514", "claude-sonnet-4"],
    ["anthropic.claude-3-5-haiku-20241022-v1:0", "claude-3-5-haiku"],
    ["anthropic/claude-opus-4-1", "claude-opus-4-1"],
    ["models/gemini-2.5-flash", "gemini-2.5-flash"],
    ["gemini-2.5-flash-lite", "gemini-2.5-flash-lite"],
    ["mistral-large-latest", "mistral-large"],
  ])("%s → %s", (raw, canonical) => {
    expect(canonicalModelName(raw)).toBe(canonical);
  });

  it("strips only a path prefix and a trailing date from names the price book does not know", () => {
    expect(canonicalModelName("acme/llama-3.1-70b-internal")).toBe("llama-3.1-70b-internal");
    expect(canonicalModelName("my-model-2025-01-31")).toBe("my-model");
    expect(canonicalModelName("ft:gpt-4o-mini:acme:support:abc123")).toBe("ft:gpt-4o-mini:acme:support:abc123");
    expect(canonicalModelName("fraud-xgb")).toBe("fraud-xgb");
  });

  it("is idempotent", () => {
    for (const n of ["openai/gpt-4o-2024-08-06", "anthropic.claude-3-5-haiku-20241022-v1:0", "acme/x-20250101"]) {
      expect(canonicalModelName(canonicalModelName(n))).toBe(canonicalModelName(n));
    }
  });
});
