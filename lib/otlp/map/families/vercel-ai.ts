import { mapValue, metadataUnder, outputOf, type Family } from "../family";
import { toInput } from "../messages";

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
  metadata(s) {
    const fn = s.string("ai.telemetry.functionId", 500);
    return [...metadataUnder(s, METADATA), ...(fn ? [{ key: "functionId", value: fn.value, from: fn.from }] : [])];
  },
};
