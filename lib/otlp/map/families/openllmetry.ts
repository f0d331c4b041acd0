import { flattenedMessages, mapValue, metadataUnder, type Family, type MetadataEntry } from "../family";
import { toOutput } from "../messages";

const ASSOCIATION = "traceloop.association.properties";

/**
 * OpenLLMetry (Traceloop). Its LLM spans use `gen_ai.*` (handled by the GenAI family) plus
 * `llm.request.type` and `llm.usage.total_tokens`; workflow/task/agent/tool spans carry
 * `traceloop.span.kind`. Older releases used `llm.request.model`, `llm.usage.prompt_tokens`
 * and flattened `llm.prompts.N.*` / `llm.completions.N.*`.
 */
export const openLlmetry: Family = {
  name: "openllmetry",
  namespaces: ["traceloop", "llm"],
  classify(s) {
    const type = s.string("llm.request.type", 64);
    if (type) return { type: "llm", from: type.from };
    const kind = s.string("traceloop.span.kind", 64);
    return kind ? { type: "span", from: kind.from } : undefined;
  },
  fields: {
    model: (s) => s.string("llm.response.model", 200) ?? s.string("llm.request.model", 200),
    inputTokens: (s) => s.int("llm.usage.prompt_tokens"),
    outputTokens: (s) => s.int("llm.usage.completion_tokens"),
    totalTokens: (s) => s.int("llm.usage.total_tokens"),
    // Older releases (llm.usage.*); current ones write gen_ai.usage.cache_*_input_tokens, read by the GenAI family.
    cacheReadInputTokens: (s) => s.int("llm.usage.cache_read_input_tokens"),
    cacheCreationInputTokens: (s) => s.int("llm.usage.cache_creation_input_tokens"),
    reasoningTokens: (s) => s.int("llm.usage.reasoning_tokens"),
    input: (s) => flattenedMessages(s, "llm.prompts"),
    output: (s) => mapValue(flattenedMessages(s, "llm.completions", true), toOutput),
    promptId: (s) => s.string("traceloop.prompt.key", 200),
    promptVersion: (s) => s.int("traceloop.prompt.version", { min: 1, max: 1_000_000 }),
    userId: (s) => s.string(`${ASSOCIATION}.user_id`, 256) ?? s.string(`${ASSOCIATION}.userId`, 256) ?? s.string(`${ASSOCIATION}.user.id`, 256),
    sessionId: (s) =>
      s.string(`${ASSOCIATION}.session_id`, 256) ?? s.string(`${ASSOCIATION}.sessionId`, 256) ?? s.string(`${ASSOCIATION}.session.id`, 256),
  },
  metadata(s) {
    const named: MetadataEntry[] = [];
    for (const [key, name] of [["traceloop.entity.name", "entity"], ["traceloop.workflow.name", "workflow"]]) {
      const v = s.string(key, 500);
      if (v) named.push({ key: name, value: v.value, from: key });
    }
    return [...metadataUnder(s, ASSOCIATION), ...named];
  },
};
