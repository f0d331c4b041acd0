import { ratesFor, resolveRates, type PriceRates, type PriceTier, type ResolvedRates } from "./rates";
import type { TokenUsage } from "./usage";

/** A call's cost by kind of token (USD). Audio and image tokens count with input or output. */
export interface CostBreakdown {
  /** Input not read from or written to a cache (text, audio and image). */
  input: number;
  cacheRead: number;
  cacheWrite: number;
  /** Output other than reasoning (text, audio and image). */
  output: number;
  reasoning: number;
  total: number;
}

export const COST_KINDS = ["input", "cacheRead", "cacheWrite", "output", "reasoning"] as const;
export type CostKind = (typeof COST_KINDS)[number];

const M = 1_000_000;

/**
 * The cost of one call at a price (docs/pricing.md). Each token is priced once, at the rate of
 * the most specific kind it belongs to; the plain input and output rates cover what no detail
 * claims. Counts are clamped at zero so that an inconsistent report can never give a negative part.
 */
export function computeCost(price: Priced, u: TokenUsage): CostBreakdown {
  const r = resolvedFor(price, u.inputTokens);
  const write1h = Math.min(u.cacheCreation1hInputTokens, u.cacheCreationInputTokens);
  const plainInput = Math.max(0, u.inputTokens - u.cacheReadInputTokens - u.cacheCreationInputTokens - u.audioInputTokens - u.imageInputTokens);
  const plainOutput = Math.max(0, u.outputTokens - u.reasoningTokens - u.audioOutputTokens - u.imageOutputTokens);
  const input = (plainInput * r.inputPerMTok + u.audioInputTokens * r.audioInputPerMTok + u.imageInputTokens * r.imageInputPerMTok) / M;
  const cacheRead = (u.cacheReadInputTokens * r.cacheReadPerMTok) / M;
  const cacheWrite = ((u.cacheCreationInputTokens - write1h) * r.cacheWritePerMTok + write1h * r.cacheWrite1hPerMTok) / M;
  const output = (plainOutput * r.outputPerMTok + u.audioOutputTokens * r.audioOutputPerMTok + u.imageOutputTokens * r.imageOutputPerMTok) / M;
  const reasoning = (u.reasoningTokens * r.reasoningPerMTok) / M;
  return { input, cacheRead, cacheWrite, output, reasoning, total: input + cacheRead + cacheWrite + output + reasoning };
}

type Priced = { rates: PriceRates; tiers: readonly PriceTier[] };

/** Per price, its resolved base rates and tiers (highest threshold first), computed once: pricing runs per event. */
const RESOLVED = new WeakMap<Priced, { base: ResolvedRates; tiers: { above: number; rates: ResolvedRates }[] }>();

function resolvedFor(price: Priced, inputTokens: number): ResolvedRates {
  let r = RESOLVED.get(price);
  if (!r) {
    const tiers = [...price.tiers]
      .sort((a, b) => b.aboveInputTokens - a.aboveInputTokens)
      .map((t) => ({ above: t.aboveInputTokens, rates: resolveRates(ratesFor(price.rates, [t], t.aboveInputTokens + 1)) }));
    r = { base: resolveRates(price.rates), tiers };
    RESOLVED.set(price, r);
  }
  for (const t of r.tiers) if (inputTokens > t.above) return t.rates;
  return r.base;
}
