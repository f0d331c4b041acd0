import { describe, expect, it } from "vitest";
import { decodeTraces } from "@/lib/otlp/decode";
import { mapSpan } from "@/lib/otlp/map/map-span";
import { DEFAULT_PRICES } from "@/lib/pricing/default-prices";
import { PriceMatcher } from "@/lib/pricing/match-price";
import { priceCall } from "@/lib/pricing/price-call";
import type { UsageFields } from "@/lib/pricing/usage";
import { loadFixture } from "./helpers";

const book = new PriceMatcher(DEFAULT_PRICES);

function events(fixture: string) {
  return decodeTraces(Buffer.from(JSON.stringify(loadFixture(fixture))), "json").spans.map((s) => mapSpan(s).event);
}

function cost(e: Record<string, unknown>) {
  const meta = e.metadata as { provider?: string } | undefined;
  const p = priceCall(book, { projectId: 1, model: e.model as string, provider: meta?.provider ?? null, ts: e.timestamp as number, usage: e as UsageFields });
  return p.costUsd!;
}

const TOKEN_KEYS = /Tokens$/;
const usage = (e: Record<string, unknown>) => Object.fromEntries(Object.entries(e).filter(([k]) => TOKEN_KEYS.test(k)));

/** The Anthropic call of issue #16 in the pinned semantics, and its invoice: $0.0288825. */
const ANTHROPIC = { inputTokens: 48_183, cacheReadInputTokens: 47_105, cacheCreationInputTokens: 1_076, outputTokens: 714 };
const ANTHROPIC_USD = 0.0288825;
/** gpt-5: 3,808 uncached × $1.25 + 8,192 cached × $0.125 + 3,500 output (2,816 reasoning) × $10. */
const OPENAI = { inputTokens: 12_000, cacheReadInputTokens: 8_192, outputTokens: 3_500, reasoningTokens: 2_816 };
const OPENAI_USD = 0.040784;

describe("usage details from every convention, normalised to the pinned semantics and priced to the invoice", () => {
  it("GenAI semconv (current cache attributes)", () => {
    const [anthropic, openai] = events("usage-gen-ai-current");
    expect(usage(anthropic)).toEqual(ANTHROPIC);
    expect(Math.abs(cost(anthropic) - ANTHROPIC_USD)).toBeLessThan(1e-9);
    expect(usage(openai)).toEqual({ inputTokens: 20_000, cacheReadInputTokens: 16_384, outputTokens: 500 });
    // gpt-4.1: 3,616 × $2 + 16,384 × $0.50 + 500 × $8
    expect(Math.abs(cost(openai) - 0.019424)).toBeLessThan(1e-9);
  });

  it("older GenAI names (OpenLLMetry), including an input count that left the cache out", () => {
    const [inclusive, exclusive, openai] = events("usage-gen-ai-legacy");
    expect(usage(inclusive)).toEqual(ANTHROPIC);
    expect(usage(exclusive)).toEqual(ANTHROPIC);
    expect(Math.abs(cost(exclusive) - ANTHROPIC_USD)).toBeLessThan(1e-9);
    expect(usage(openai)).toEqual(OPENAI);
    expect(Math.abs(cost(openai) - OPENAI_USD)).toBeLessThan(1e-9);
  });

  it("OpenInference token count details", () => {
    const [openai, anthropic] = events("usage-openinference");
    expect(usage(openai)).toEqual({ ...OPENAI, audioInputTokens: 0 });
    expect(Math.abs(cost(openai) - OPENAI_USD)).toBeLessThan(1e-9);
    expect(usage(anthropic)).toEqual(ANTHROPIC);
    expect(Math.abs(cost(anthropic) - ANTHROPIC_USD)).toBeLessThan(1e-9);
  });

  it("OpenLLMetry llm.usage.* details", () => {
    const [o3, haiku] = events("usage-openllmetry");
    expect(usage(o3)).toEqual({ inputTokens: 9_000, cacheReadInputTokens: 4_096, outputTokens: 2_500, reasoningTokens: 2_000 });
    // o3: 4,904 × $2 + 4,096 × $0.50 + 2,500 × $8
    expect(Math.abs(cost(o3) - 0.031856)).toBeLessThan(1e-9);
    // claude-3-5-haiku: 5,000 × $0.80 + 20,000 × $0.08 + 5,000 × $1.00 + 300 × $4
    expect(Math.abs(cost(haiku) - 0.0118)).toBeLessThan(1e-9);
  });

  it("Vercel AI SDK: Anthropic input and Gemini output brought to the pinned semantics", () => {
    const [anthropic, openai, gemini] = events("usage-vercel-ai");
    expect(usage(anthropic)).toEqual(ANTHROPIC);
    expect(Math.abs(cost(anthropic) - ANTHROPIC_USD)).toBeLessThan(1e-9);
    expect(usage(openai)).toEqual(OPENAI);
    expect(usage(gemini)).toEqual({ inputTokens: 250_000, cacheReadInputTokens: 100_000, outputTokens: 2_000, reasoningTokens: 1_200 });
    // Above the 200k tier: 150,000 × $2.50 + 100,000 × $0.25 + 2,000 × $15
    expect(Math.abs(cost(gemini) - 0.43)).toBeLessThan(1e-9);
  });

  it("Langfuse usage details: separate buckets summed, an inclusive map left alone", () => {
    const [anthropic, openai, inclusive] = events("usage-langfuse");
    expect(usage(anthropic)).toEqual(ANTHROPIC);
    expect(Math.abs(cost(anthropic) - ANTHROPIC_USD)).toBeLessThan(1e-9);
    expect(usage(openai)).toEqual(OPENAI);
    expect(usage(inclusive)).toEqual({ inputTokens: 1_000, cacheReadInputTokens: 600, outputTokens: 100 });
  });

  it("drops a detail that still exceeds its total, with a warning, so the span is not rejected", () => {
    const span = loadFixture("usage-openllmetry") as { resourceSpans: { scopeSpans: { spans: { attributes: { key: string; value: object }[] }[] }[] }[] };
    const attrs = span.resourceSpans[0].scopeSpans[0].spans[0].attributes;
    const request = JSON.parse(JSON.stringify(span)) as typeof span;
    request.resourceSpans[0].scopeSpans[0].spans[0].attributes = attrs.filter((a) => a.key !== "llm.usage.completion_tokens" && a.key !== "llm.usage.total_tokens");
    const mapped = mapSpan(decodeTraces(Buffer.from(JSON.stringify(request)), "json").spans[0]);
    expect(mapped.event.reasoningTokens).toBeUndefined();
    expect(mapped.extra.otel.warnings?.join(" ")).toMatch(/llm\.usage\.reasoning_tokens: no output count/);
    expect(mapped.extra.otel.unmapped["llm.usage.reasoning_tokens"]).toBe(2000);
  });
});
