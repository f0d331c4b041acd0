/**
 * Token usage of one LLM call in Sightline's pinned semantics (docs/api.md): `inputTokens`
 * counts every input token, cached ones included; `outputTokens` every output token,
 * reasoning included; every other count is a subset of one of the two.
 */
export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  cacheReadInputTokens: number;
  /** All cache writes, whatever their lifetime. */
  cacheCreationInputTokens: number;
  /** The part of `cacheCreationInputTokens` written with a 1-hour lifetime. */
  cacheCreation1hInputTokens: number;
  reasoningTokens: number;
  audioInputTokens: number;
  audioOutputTokens: number;
  imageInputTokens: number;
  imageOutputTokens: number;
}

/** Usage details an `llm` event may carry (all optional), as in the ingest schema. */
export interface UsageFields {
  inputTokens?: number;
  outputTokens?: number;
  cacheReadInputTokens?: number;
  cacheCreationInputTokens?: number;
  cacheCreation5mInputTokens?: number;
  cacheCreation1hInputTokens?: number;
  reasoningTokens?: number;
  audioInputTokens?: number;
  audioOutputTokens?: number;
  imageInputTokens?: number;
  imageOutputTokens?: number;
}

export const USAGE_DETAIL_FIELDS = [
  "cacheReadInputTokens", "cacheCreationInputTokens", "cacheCreation5mInputTokens", "cacheCreation1hInputTokens",
  "reasoningTokens", "audioInputTokens", "audioOutputTokens", "imageInputTokens", "imageOutputTokens",
] as const satisfies readonly (keyof UsageFields)[];

/** Whether any usage count at all is present (an event without any is not priced). */
export function hasUsage(u: UsageFields): boolean {
  if (u.inputTokens !== undefined || u.outputTokens !== undefined) return true;
  for (const k of USAGE_DETAIL_FIELDS) if (u[k] !== undefined) return true;
  return false;
}

export function toTokenUsage(u: UsageFields): TokenUsage {
  return {
    inputTokens: u.inputTokens ?? 0,
    outputTokens: u.outputTokens ?? 0,
    cacheReadInputTokens: u.cacheReadInputTokens ?? 0,
    cacheCreationInputTokens: u.cacheCreationInputTokens ?? 0,
    cacheCreation1hInputTokens: u.cacheCreation1hInputTokens ?? 0,
    reasoningTokens: u.reasoningTokens ?? 0,
    audioInputTokens: u.audioInputTokens ?? 0,
    audioOutputTokens: u.audioOutputTokens ?? 0,
    imageInputTokens: u.imageInputTokens ?? 0,
    imageOutputTokens: u.imageOutputTokens ?? 0,
  };
}

export interface UsageIssue {
  path: string;
  message: string;
}

/**
 * The subset rules of the pinned semantics: a detail never exceeds its total, and the parts of
 * a total never exceed it together. Returns the first broken rule, naming the detail field.
 * Shared by the zod schema and the fast validation path so both reject the same events.
 */
export function usageIssue(u: UsageFields): UsageIssue | undefined {
  const input = u.inputTokens;
  const output = u.outputTokens;
  const read = u.cacheReadInputTokens;
  const write = u.cacheCreationInputTokens;
  const w5 = u.cacheCreation5mInputTokens;
  const w1 = u.cacheCreation1hInputTokens;
  if ((w5 !== undefined || w1 !== undefined) && write === undefined) {
    return { path: w5 !== undefined ? "cacheCreation5mInputTokens" : "cacheCreation1hInputTokens", message: "requires cacheCreationInputTokens (the lifetimes split it)" };
  }
  if (write !== undefined && (w5 ?? 0) + (w1 ?? 0) > write) {
    return { path: w1 !== undefined ? "cacheCreation1hInputTokens" : "cacheCreation5mInputTokens", message: "the cache lifetimes add up to more than cacheCreationInputTokens" };
  }
  for (const [key, v, total, totalName] of [
    ["cacheReadInputTokens", read, input, "inputTokens"],
    ["cacheCreationInputTokens", write, input, "inputTokens"],
    ["audioInputTokens", u.audioInputTokens, input, "inputTokens"],
    ["imageInputTokens", u.imageInputTokens, input, "inputTokens"],
    ["reasoningTokens", u.reasoningTokens, output, "outputTokens"],
    ["audioOutputTokens", u.audioOutputTokens, output, "outputTokens"],
    ["imageOutputTokens", u.imageOutputTokens, output, "outputTokens"],
  ] as const) {
    if (v === undefined) continue;
    if (total === undefined) return { path: key, message: `requires ${totalName} (it is a subset of it)` };
    if (v > total) return { path: key, message: `must not exceed ${totalName} (${v} > ${total}): ${totalName} counts every token, details included` };
  }
  if (read !== undefined && write !== undefined && input !== undefined && read + write > input) {
    return { path: "cacheCreationInputTokens", message: `cacheReadInputTokens + cacheCreationInputTokens must not exceed inputTokens (${read + write} > ${input})` };
  }
  return undefined;
}
