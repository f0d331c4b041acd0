import type { PriceEntry } from "./price-entry";
import type { PriceRates, PriceTier } from "./rates";

/**
 * The shipped price book: list prices (USD per 1M tokens, late 2025) with cache and reasoning
 * rates. Kept in code, not copied into the database, so that an upgrade ships corrected prices
 * to every install; a project overrides any of them with a custom price (docs/adr/0036).
 *
 * Patterns are case-insensitive regular expressions matched against the whole model name:
 * `P` allows a provider prefix such as "openai/" or "anthropic.", `D` a date or revision
 * suffix such as "-2024-08-06", "-20250514" or "-v1:0".
 *
 * Provider rules: OpenAI and Google charge nothing extra to write a cache (the write rate
 * falls back to input) and bill reasoning as output. Anthropic charges 1.25× input for a
 * 5-minute cache write, 2× for a 1-hour one, 0.1× for a read; Sonnet 4/4.5 above 200k input
 * tokens and Gemini 2.5 Pro above 200k bill the whole call at their long-context rates.
 */
export const P = "(?:[\\w.-]+[/.:])?";
export const D = "(?:[-@](?:\\d{4}-?\\d{2}-?\\d{2}|latest|v\\d+(?::\\d+)?|\\d{3}))*";

/** A shipped pattern as people read it: "claude-sonnet-4(?:-5)?" rather than the full regex (display only). */
export function shippedPatternLabel(model: string): string {
  if (!model.startsWith(P) || !model.endsWith(D)) return model;
  return model.slice(P.length, model.length - D.length).replace(/\\\./g, ".");
}

const row = (provider: string, name: string, rates: PriceRates, tiers: PriceTier[] = []): PriceEntry => ({
  id: null,
  projectId: null,
  model: `${P}${name}${D}`,
  match: "regex",
  provider,
  rates,
  tiers,
  effectiveFrom: 0,
});

const openai = (name: string, input: number, cached: number | null, output: number) =>
  row("openai", name, { inputPerMTok: input, outputPerMTok: output, cacheReadPerMTok: cached });

/** Anthropic's cache multipliers: write 1.25× (5 min) or 2× (1 h), read 0.1× of input. */
const anthropicRates = (input: number, output: number): PriceRates => ({
  inputPerMTok: input,
  outputPerMTok: output,
  cacheWritePerMTok: cents(input * 1.25),
  cacheWrite1hPerMTok: cents(input * 2),
  cacheReadPerMTok: cents(input * 0.1),
});

/** List prices have at most a few decimals: drop binary noise (3 × 0.1 = 0.30000000000000004). */
const cents = (usd: number) => Math.round(usd * 1e6) / 1e6;

export const DEFAULT_PRICES: PriceEntry[] = [
  openai("gpt-5", 1.25, 0.125, 10),
  openai("gpt-5-mini", 0.25, 0.025, 2),
  openai("gpt-5-nano", 0.05, 0.005, 0.4),
  openai("gpt-4\\.1", 2, 0.5, 8),
  openai("gpt-4\\.1-mini", 0.4, 0.1, 1.6),
  openai("gpt-4\\.1-nano", 0.1, 0.025, 0.4),
  openai("gpt-4o", 2.5, 1.25, 10),
  openai("gpt-4o-mini", 0.15, 0.075, 0.6),
  openai("gpt-4-turbo", 10, null, 30),
  openai("gpt-3\\.5-turbo(?:-\\d+k)?", 0.5, null, 1.5),
  openai("o1", 15, 7.5, 60),
  openai("o3", 2, 0.5, 8),
  openai("o3-mini", 1.1, 0.55, 4.4),
  openai("o4-mini", 1.1, 0.275, 4.4),
  openai("text-embedding-3-small", 0.02, null, 0),
  openai("text-embedding-3-large", 0.13, null, 0),
  row("anthropic", "claude-opus-4(?:-[01])?", anthropicRates(15, 75)),
  row("anthropic", "claude-opus-4-5", anthropicRates(5, 25)),
  row("anthropic", "claude-sonnet-4(?:-5)?", anthropicRates(3, 15), [{ aboveInputTokens: 200_000, ...anthropicRates(6, 22.5) }]),
  row("anthropic", "claude-3-[57]-sonnet", anthropicRates(3, 15)),
  row("anthropic", "claude-haiku-4-5", anthropicRates(1, 5)),
  row("anthropic", "claude-3-5-haiku", anthropicRates(0.8, 4)),
  row("anthropic", "claude-3-haiku", anthropicRates(0.25, 1.25)),
  row("google", "gemini-2\\.5-pro", { inputPerMTok: 1.25, outputPerMTok: 10, cacheReadPerMTok: 0.125 }, [
    { aboveInputTokens: 200_000, inputPerMTok: 2.5, outputPerMTok: 15, cacheReadPerMTok: 0.25 },
  ]),
  row("google", "gemini-2\\.5-flash", { inputPerMTok: 0.3, outputPerMTok: 2.5, cacheReadPerMTok: 0.03, audioInputPerMTok: 1 }),
  row("google", "gemini-2\\.5-flash-lite", { inputPerMTok: 0.1, outputPerMTok: 0.4, cacheReadPerMTok: 0.01, audioInputPerMTok: 0.3 }),
  row("google", "gemini-2\\.0-flash", { inputPerMTok: 0.1, outputPerMTok: 0.4, cacheReadPerMTok: 0.025, audioInputPerMTok: 0.7 }),
  row("mistral", "mistral-large", { inputPerMTok: 2, outputPerMTok: 6 }),
  row("mistral", "mistral-small", { inputPerMTok: 0.1, outputPerMTok: 0.3 }),
];

/** The model-name part of each shipped pattern, without the prefix and suffix (lib/models/canonical-name.ts). */
export const KNOWN_MODEL_NAMES: string[] = DEFAULT_PRICES.map((p) => p.model.slice(P.length, p.model.length - D.length));
