import type { AttrValue, OtlpSpanEvent } from "../../span-model";
import { flattenedMessages, mapValue, outputOf, type Family } from "../family";
import { systemMessage, toChatMessage, toInput, toOutput, type ChatMessage } from "../messages";
import { parseJson, type Found, type SpanView } from "../span-view";

/** Operations that are a call to a model; agent and tool operations are plain spans. */
const LLM_OPERATIONS = new Set(["chat", "text_completion", "generate_content", "embeddings", "completion"]);
const MESSAGE_EVENTS: Record<string, string> = {
  "gen_ai.system.message": "system",
  "gen_ai.user.message": "user",
  "gen_ai.assistant.message": "assistant",
  "gen_ai.tool.message": "tool",
};
const DETAILS_EVENT = "gen_ai.client.inference.operation.details";

/**
 * OpenTelemetry GenAI semantic conventions, every generation seen in the wild: the current
 * `gen_ai.input.messages` / `gen_ai.output.messages` / `gen_ai.system_instructions`, the older
 * `gen_ai.prompt` / `gen_ai.completion` (JSON, or flattened `gen_ai.prompt.0.content` as
 * OpenLLMetry writes them), and the span events `gen_ai.*.message` / `gen_ai.choice`. Newer
 * names win over older ones; attributes win over events.
 */
export const genAi: Family = {
  name: "gen_ai",
  namespaces: ["gen_ai"],
  classify(s) {
    const op = s.string("gen_ai.operation.name", 100);
    const model = s.has("gen_ai.response.model") ? "gen_ai.response.model" : s.has("gen_ai.request.model") ? "gen_ai.request.model" : undefined;
    if (op) {
      const llm = LLM_OPERATIONS.has(op.value) || (!KNOWN_NON_LLM.has(op.value) && model !== undefined);
      return { type: llm ? "llm" : "span", from: op.from };
    }
    return model ? { type: "llm", from: model } : undefined;
  },
  fields: {
    model: (s) => s.string("gen_ai.response.model", 200) ?? s.string("gen_ai.request.model", 200),
    provider: (s) => s.string("gen_ai.provider.name", 200) ?? s.string("gen_ai.system", 200),
    inputTokens: (s) => s.int("gen_ai.usage.input_tokens") ?? s.int("gen_ai.usage.prompt_tokens"),
    outputTokens: (s) => s.int("gen_ai.usage.output_tokens") ?? s.int("gen_ai.usage.completion_tokens"),
    totalTokens: (s) => s.int("gen_ai.usage.total_tokens"),
    // Current semconv names first, then the older ones instrumentations (OpenLLMetry) still write.
    cacheReadInputTokens: (s) =>
      s.int("gen_ai.usage.cache_read.input_tokens") ?? s.int("gen_ai.usage.cache_read_input_tokens") ?? s.int("gen_ai.usage.input_tokens.cached"),
    cacheCreationInputTokens: (s) => s.int("gen_ai.usage.cache_creation.input_tokens") ?? s.int("gen_ai.usage.cache_creation_input_tokens"),
    reasoningTokens: (s) =>
      s.int("gen_ai.usage.reasoning.output_tokens") ?? s.int("gen_ai.usage.reasoning_tokens") ?? s.int("gen_ai.usage.output_tokens.reasoning"),
    costUsd: (s) => s.number("gen_ai.usage.cost"),
    input: (s) => currentInput(s) ?? mapValue(s.json("gen_ai.prompt"), toInput) ?? flattenedMessages(s, "gen_ai.prompt") ?? inputFromEvents(s),
    output: (s) =>
      outputOf(s.json("gen_ai.output.messages")) ??
      outputOf(s.json("gen_ai.completion")) ??
      mapValue(flattenedMessages(s, "gen_ai.completion", true), toOutput) ??
      outputFromEvents(s),
  },
};

const KNOWN_NON_LLM = new Set(["execute_tool", "invoke_agent", "create_agent", "invoke_workflow"]);

function currentInput(s: SpanView): Found<string | ChatMessage[]> | undefined {
  const msgs = mapValue(s.json("gen_ai.input.messages"), toInput);
  const sys = s.json("gen_ai.system_instructions");
  const system = sys ? systemMessage(sys.value) : undefined;
  if (!system) return msgs;
  const list = msgs ? (Array.isArray(msgs.value) ? msgs.value : [{ role: "user", content: msgs.value }]) : [];
  const consumed = msgs ? [msgs.from, sys!.from] : [sys!.from];
  return { value: [system, ...list], from: msgs ? `${sys!.from} + ${msgs.from}` : sys!.from, consumed };
}

/** Structured event content: JSON text, a kvlist map, or a plain string. */
function eventValue(e: OtlpSpanEvent, ...keys: string[]): unknown {
  for (const k of keys) {
    const v: AttrValue | undefined = e.attributes[k];
    if (v !== undefined && v !== null && v !== "") return typeof v === "string" ? parseJson(v) : v;
  }
  return undefined;
}

function inputFromEvents(s: SpanView): Found<string | ChatMessage[]> | undefined {
  const events = s.span.events;
  const details = events.find((e) => e.name === DETAILS_EVENT && e.attributes["gen_ai.input.messages"] !== undefined);
  if (details) {
    const v = toInput(eventValue(details, "gen_ai.input.messages"));
    if (v !== undefined) return { value: v, from: `event:${DETAILS_EVENT}`, consumed: [] };
  }
  const msgs: ChatMessage[] = [];
  for (const e of events) {
    const role = MESSAGE_EVENTS[e.name];
    if (!role) continue;
    const body = eventValue(e, "gen_ai.event.content", "content", "message");
    const m = typeof body === "object" && body !== null && !Array.isArray(body) ? toChatMessage(body, role) : { role, content: body ?? null };
    if (m) msgs.push(m);
  }
  if (msgs.length) return { value: msgs, from: "event:gen_ai.*.message", consumed: [] };
  const legacy = events.find((e) => e.name === "gen_ai.content.prompt");
  if (legacy) {
    const v = toInput(eventValue(legacy, "gen_ai.prompt"));
    if (v !== undefined) return { value: v, from: "event:gen_ai.content.prompt", consumed: [] };
  }
  return undefined;
}

function outputFromEvents(s: SpanView): Found<string> | undefined {
  const events = s.span.events;
  const details = events.find((e) => e.name === DETAILS_EVENT && e.attributes["gen_ai.output.messages"] !== undefined);
  if (details) {
    const v = toOutput(eventValue(details, "gen_ai.output.messages"));
    if (v !== undefined) return { value: v, from: `event:${DETAILS_EVENT}`, consumed: [] };
  }
  const choices = events
    .filter((e) => e.name === "gen_ai.choice")
    .map((e) => ({ index: Number(eventValue(e, "index") ?? 0), body: eventValue(e, "gen_ai.event.content", "message", "content") }))
    .sort((a, b) => a.index - b.index)
    .map((c) => toOutput(c.body))
    .filter((t): t is string => t !== undefined);
  if (choices.length) return { value: choices.join("\n"), from: "event:gen_ai.choice", consumed: [] };
  const legacy = events.find((e) => e.name === "gen_ai.content.completion");
  if (legacy) {
    const v = toOutput(eventValue(legacy, "gen_ai.completion"));
    if (v !== undefined) return { value: v, from: "event:gen_ai.content.completion", consumed: [] };
  }
  return undefined;
}
