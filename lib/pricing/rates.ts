/**
 * The rates of one price, USD per one million tokens. Only `inputPerMTok` and `outputPerMTok`
 * are required; every other kind of token falls back to the rate it is a subset of
 * (docs/pricing.md): cache reads and writes to input, a 1-hour cache write to the default
 * cache write, reasoning to output, audio and image to input or output.
 */
export interface PriceRates {
  inputPerMTok: number;
  outputPerMTok: number;
  cacheReadPerMTok?: number | null;
  /** Cache write at the default lifetime (Anthropic: 5 minutes). */
  cacheWritePerMTok?: number | null;
  /** Cache write with a 1-hour lifetime (Anthropic charges 2× input instead of 1.25×). */
  cacheWrite1hPerMTok?: number | null;
  reasoningPerMTok?: number | null;
  audioInputPerMTok?: number | null;
  audioOutputPerMTok?: number | null;
  imageInputPerMTok?: number | null;
  imageOutputPerMTok?: number | null;
}

/**
 * A long-context tier: when a call's input tokens (cached included) exceed `aboveInputTokens`,
 * the whole call is priced at the tier's rates, as Anthropic and Google bill it. Rates a tier
 * leaves out are the base price's.
 */
export interface PriceTier extends Partial<PriceRates> {
  aboveInputTokens: number;
}

export const RATE_KEYS = [
  "inputPerMTok", "outputPerMTok", "cacheReadPerMTok", "cacheWritePerMTok", "cacheWrite1hPerMTok", "reasoningPerMTok",
  "audioInputPerMTok", "audioOutputPerMTok", "imageInputPerMTok", "imageOutputPerMTok",
] as const satisfies readonly (keyof PriceRates)[];

/** Every rate resolved: fallbacks applied, no optional left. */
export type ResolvedRates = { [K in keyof PriceRates]-?: number };

export function resolveRates(r: PriceRates): ResolvedRates {
  const cacheWrite = r.cacheWritePerMTok ?? r.inputPerMTok;
  return {
    inputPerMTok: r.inputPerMTok,
    outputPerMTok: r.outputPerMTok,
    cacheReadPerMTok: r.cacheReadPerMTok ?? r.inputPerMTok,
    cacheWritePerMTok: cacheWrite,
    cacheWrite1hPerMTok: r.cacheWrite1hPerMTok ?? cacheWrite,
    reasoningPerMTok: r.reasoningPerMTok ?? r.outputPerMTok,
    audioInputPerMTok: r.audioInputPerMTok ?? r.inputPerMTok,
    audioOutputPerMTok: r.audioOutputPerMTok ?? r.outputPerMTok,
    imageInputPerMTok: r.imageInputPerMTok ?? r.inputPerMTok,
    imageOutputPerMTok: r.imageOutputPerMTok ?? r.outputPerMTok,
  };
}

/** The rates that apply to a call with `inputTokens` input tokens: the base, or the highest tier exceeded. */
export function ratesFor(base: PriceRates, tiers: readonly PriceTier[], inputTokens: number): PriceRates {
  let tier: PriceTier | undefined;
  for (const t of tiers) if (inputTokens > t.aboveInputTokens && (!tier || t.aboveInputTokens > tier.aboveInputTokens)) tier = t;
  if (!tier) return base;
  const out: PriceRates = { ...base };
  for (const k of RATE_KEYS) {
    const v = tier[k];
    if (v !== undefined && v !== null) out[k] = v;
  }
  return out;
}
