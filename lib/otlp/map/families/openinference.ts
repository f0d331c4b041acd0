import { mapValue, outputOf, type Family } from "../family";
import { rowsToMessages, toInput, toOutput, type ChatMessage } from "../messages";
import type { Found, SpanView } from "../span-view";

const LLM_KINDS = new Set(["LLM", "EMBEDDING"]);
const USED = /\.\d+\.message\.(role|content|contents\.\d+\.message_content\.text)$/;

/**
 * OpenInference (Arize Phoenix instrumentations): `openinference.span.kind` says what the span
 * is; LLM spans carry `llm.*`; every span may carry `input.value` / `output.value`.
 */
export const openInference: Family = {
  name: "openinference",
  namespaces: ["openinference", "llm", "input", "output", "tag", "metadata"],
  classify(s) {
    const kind = s.string("openinference.span.kind", 64);
    if (!kind) return undefined;
    return { type: LLM_KINDS.has(kind.value.toUpperCase()) ? "llm" : "span", from: kind.from };
  },
  fields: {
    model: (s) => s.string("llm.model_name", 200),
    provider: (s) => s.string("llm.provider", 200) ?? s.string("llm.system", 200),
    inputTokens: (s) => s.int("llm.token_count.prompt"),
    outputTokens: (s) => s.int("llm.token_count.completion"),
    totalTokens: (s) => s.int("llm.token_count.total"),
    // OpenInference's details are subsets of prompt / completion, as Sightline's are.
    cacheReadInputTokens: (s) => s.int("llm.token_count.prompt_details.cache_read"),
    cacheCreationInputTokens: (s) => s.int("llm.token_count.prompt_details.cache_write"),
    audioInputTokens: (s) => s.int("llm.token_count.prompt_details.audio"),
    reasoningTokens: (s) => s.int("llm.token_count.completion_details.reasoning"),
    audioOutputTokens: (s) => s.int("llm.token_count.completion_details.audio"),
    costUsd: (s) => s.number("llm.cost.total"),
    input: (s) => messages(s, "llm.input_messages") ?? mapValue(s.json("input.value"), toInput),
    output: (s) =>
      mapValue(messages(s, "llm.output_messages"), toOutput) ?? outputOf(s.json("output.value")),
    tags: (s) => {
      const t = s.json("tag.tags");
      const ok = t && Array.isArray(t.value) && t.value.length <= 64 && t.value.every((x) => typeof x === "string" && x.length <= 200);
      return ok ? { value: t!.value as string[], from: t!.from } : undefined;
    },
  },
  metadata(s) {
    const m = s.json("metadata");
    if (!m || typeof m.value !== "object" || m.value === null || Array.isArray(m.value)) return [];
    return Object.entries(m.value).map(([key, value]) => ({ key, value, from: "metadata" }));
  },
};

/** `llm.input_messages.0.message.role` / `.message.content` (or `.message.contents.N…`) rows. */
function messages(s: SpanView, prefix: string): Found<ChatMessage[]> | undefined {
  const rows = s.indexed(prefix);
  if (!rows) return undefined;
  const normalised = rows.rows.map((r) => {
    const out: Record<string, unknown> = {};
    const texts: string[] = [];
    for (const [k, v] of Object.entries(r)) {
      if (k === "message.role") out.role = v;
      else if (k === "message.content") out.content = v;
      else if (/^message\.contents\.\d+\.message_content\.text$/.test(k) && typeof v === "string") texts.push(v);
    }
    if (out.content === undefined && texts.length) out.content = texts.join("\n");
    return out;
  });
  const msgs = rowsToMessages(normalised);
  // Only the keys read are used up; tool calls and other parts stay visible as unmapped.
  const consumed = rows.keys.filter((k) => USED.test(k));
  return msgs ? { value: msgs, from: `${prefix}.*`, consumed } : undefined;
}
