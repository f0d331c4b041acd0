/**
 * Shipped price book (USD per 1M tokens, list prices of late 2025). Patterns are
 * case-insensitive regular expressions matched against the whole model name; `P` allows an
 * optional provider prefix such as "openai/" or "anthropic.", `D` an optional date or
 * revision suffix such as "-2024-08-06", "-20250514" or "-v1:0".
 */
export const P = "(?:[\\w.-]+[/.:])?";
export const D = "(?:[-@](?:\\d{4}-?\\d{2}-?\\d{2}|latest|v\\d+(?::\\d+)?|\\d{3}))*";

export interface DefaultPrice {
  pattern: string;
  provider: string;
  inputPerMTok: number;
  outputPerMTok: number;
}

const row = (provider: string, name: string, inputPerMTok: number, outputPerMTok: number): DefaultPrice => ({
  pattern: `${P}${name}${D}`,
  provider,
  inputPerMTok,
  outputPerMTok,
});

export const DEFAULT_PRICES: DefaultPrice[] = [
  row("openai", "gpt-5", 1.25, 10),
  row("openai", "gpt-5-mini", 0.25, 2),
  row("openai", "gpt-5-nano", 0.05, 0.4),
  row("openai", "gpt-4\\.1", 2, 8),
  row("openai", "gpt-4\\.1-mini", 0.4, 1.6),
  row("openai", "gpt-4\\.1-nano", 0.1, 0.4),
  row("openai", "gpt-4o", 2.5, 10),
  row("openai", "gpt-4o-mini", 0.15, 0.6),
  row("openai", "gpt-4-turbo", 10, 30),
  row("openai", "gpt-3\\.5-turbo(?:-\\d+k)?", 0.5, 1.5),
  row("openai", "o1", 15, 60),
  row("openai", "o3", 2, 8),
  row("openai", "o3-mini", 1.1, 4.4),
  row("openai", "o4-mini", 1.1, 4.4),
  row("openai", "text-embedding-3-small", 0.02, 0),
  row("openai", "text-embedding-3-large", 0.13, 0),
  row("anthropic", "claude-opus-4(?:-[01])?", 15, 75),
  row("anthropic", "claude-opus-4-5", 5, 25),
  row("anthropic", "claude-sonnet-4(?:-5)?", 3, 15),
  row("anthropic", "claude-3-[57]-sonnet", 3, 15),
  row("anthropic", "claude-haiku-4-5", 1, 5),
  row("anthropic", "claude-3-5-haiku", 0.8, 4),
  row("anthropic", "claude-3-haiku", 0.25, 1.25),
  row("google", "gemini-2\\.5-pro", 1.25, 10),
  row("google", "gemini-2\\.5-flash", 0.3, 2.5),
  row("google", "gemini-2\\.5-flash-lite", 0.1, 0.4),
  row("google", "gemini-2\\.0-flash", 0.1, 0.4),
  row("mistral", "mistral-large", 2, 6),
  row("mistral", "mistral-small", 0.1, 0.3),
];

/** The model-name part of each shipped pattern, without the prefix and suffix (lib/models/canonical-name.ts). */
export const KNOWN_MODEL_NAMES: string[] = DEFAULT_PRICES.map((p) => p.pattern.slice(P.length, p.pattern.length - D.length));
