import { mapValue, metadataUnder, outputOf, type Family } from "../family";
import { toInput } from "../messages";
import { asInt, type Found, type SpanView } from "../span-view";

const METADATA = "ai.telemetry.metadata";
const OUTPUTS = ["ai.response.text", "ai.response.object", "ai.result.text", "ai.result.object", "ai.response.toolCalls"];
/** The provider calls inside a Vercel AI SDK operation; the outer `ai.generateText` etc. wrap them. */
const PROVIDER_CALL = /\.do(Generate|Stream|Embed)$/;

/**
 * Vercel AI SDK telemetry (`experimental_telemetry`). Each operation makes an outer span
 * (`ai.generateText`) and one inner span per provider call (`ai.generateText.doGenerate`). Only
 * the inner spans are LLM calls, so that a call is never counted twice.
 */
export const vercelAi: Family = {
  name: "vercel_ai",
  namespaces: ["ai"],
  classify(s) {
    const op = s.string("ai.operationId", 200);
    if (!op || !op.value.startsWith("ai.")) return undefined;
    return { type: PROVIDER_CALL.test(op.value) ? "llm" : "span", from: op.from };
  },
  fields: {
    model: (s) => s.string("ai.response.model", 200) ?? s.string("ai.model.id", 200),
    provider: (s) => s.string("ai.model.provider", 200),
    inputTokens: (s) => s.int("ai.usage.inputTokens") ?? s.int("ai.usage.promptTokens") ?? s.int("ai.usage.tokens"),
    outputTokens: (s) => s.int("ai.usage.outputTokens") ?? s.int("ai.usage.completionTokens"),
    totalTokens: (s) => s.int("ai.usage.totalTokens"),
    cacheReadInputTokens: (s) =>
      s.int("ai.usage.cachedInputTokens") ??
      fromProviderMetadata(s, ["anthropic", "usage", "cache_read_input_tokens"], ["openai", "cachedPromptTokens"],
        ["google", "usageMetadata", "cachedContentTokenCount"], ["bedrock", "usage", "cacheReadInputTokens"]),
    cacheCreationInputTokens: (s) =>
      fromProviderMetadata(s, ["anthropic", "cacheCreationInputTokens"], ["anthropic", "usage", "cache_creation_input_tokens"],
        ["bedrock", "usage", "cacheWriteInputTokens"]),
    cacheCreation5mInputTokens: (s) => fromProviderMetadata(s, ["anthropic", "usage", "cache_creation", "ephemeral_5m_input_tokens"]),
    cacheCreation1hInputTokens: (s) => fromProviderMetadata(s, ["anthropic", "usage", "cache_creation", "ephemeral_1h_input_tokens"]),
    reasoningTokens: (s) =>
      s.int("ai.usage.reasoningTokens") ??
      fromProviderMetadata(s, ["openai", "reasoningTokens"], ["google", "usageMetadata", "thoughtsTokenCount"]),
    input: (s) => mapValue(s.json("ai.prompt.messages"), toInput) ?? mapValue(s.json("ai.prompt"), toInput),
    output: (s) => {
      for (const key of OUTPUTS) {
        const found = outputOf(s.json(key));
        if (found) return found;
      }
      return undefined;
    },
    userId: (s) => s.string(`${METADATA}.userId`, 256),
    sessionId: (s) => s.string(`${METADATA}.sessionId`, 256),
  },
  // AI SDK 5 passes each provider's own counts through: Anthropic's input leaves the cache
  // out, Gemini's output leaves the thoughts out (docs/pricing.md).
  usageCounting: (_s, provider) => ({ inputExcludesCache: provider === "anthropic", outputExcludesReasoning: provider === "google" }),
  metadata(s) {
    const fn = s.string("ai.telemetry.functionId", 500);
    return [...metadataUnder(s, METADATA), ...(fn ? [{ key: "functionId", value: fn.value, from: fn.from }] : [])];
  },
};

const PROVIDER_METADATA = "ai.response.providerMetadata";

/**
 * A count inside `ai.response.providerMetadata` (JSON), at the first path that has one. The
 * attribute is not used up: the rest of the provider's metadata stays visible as unmapped.
 */
function fromProviderMetadata(s: SpanView, ...paths: string[][]): Found<number> | undefined {
  const meta = s.json(PROVIDER_METADATA);
  if (!meta || typeof meta.value !== "object" || meta.value === null) return undefined;
  for (const path of paths) {
    let v: unknown = meta.value;
    for (const key of path) v = typeof v === "object" && v !== null ? (v as Record<string, unknown>)[key] : undefined;
    const n = v === undefined || v === null ? undefined : asInt(v);
    if (n !== undefined && n >= 0 && n <= 1e9) return { value: n, from: `${PROVIDER_METADATA}.${path.join(".")}`, consumed: [] };
  }
  return undefined;
}
