import { mapValue, metadataUnder, outputOf, type Family } from "../family";
import { toInput } from "../messages";
import type { Found, SpanView } from "../span-view";
import { asNumber } from "../span-view";

const GENERATION_TYPES = new Set(["generation", "embedding"]);
const NAMED: Record<string, string> = { "langfuse.trace.name": "traceName", "langfuse.release": "release", "langfuse.version": "version" };

/**
 * Langfuse SDKs (v3+, OpenTelemetry based): `langfuse.observation.*` and `langfuse.trace.*`.
 * Usage and cost details are JSON maps such as `{"input": 10, "output": 5, "total": 15}`.
 */
export const langfuse: Family = {
  name: "langfuse",
  namespaces: ["langfuse"],
  classify(s) {
    const t = s.string("langfuse.observation.type", 64);
    if (!t) return undefined;
    return { type: GENERATION_TYPES.has(t.value.toLowerCase()) ? "llm" : "span", from: t.from };
  },
  fields: {
    model: (s) => s.string("langfuse.observation.model.name", 200),
    promptId: (s) => s.string("langfuse.observation.prompt.name", 200),
    promptVersion: (s) => s.int("langfuse.observation.prompt.version", { min: 1, max: 1_000_000 }),
    inputTokens: (s) => detail(s, "langfuse.observation.usage_details", ["input", "prompt_tokens", "input_tokens", "promptTokens"], true),
    outputTokens: (s) => detail(s, "langfuse.observation.usage_details", ["output", "completion_tokens", "output_tokens", "completionTokens"], true),
    totalTokens: (s) => detail(s, "langfuse.observation.usage_details", ["total", "total_tokens", "totalTokens"], true),
    cacheReadInputTokens: (s) => usage(s, ["input_cached_tokens", "cache_read_input_tokens", "input_cache_read", "cached_tokens"]),
    cacheCreationInputTokens: (s) => usage(s, ["cache_creation_input_tokens", "input_cache_creation", "input_cache_write"]),
    reasoningTokens: (s) => usage(s, ["output_reasoning_tokens", "output_reasoning", "reasoning_tokens"]),
    audioInputTokens: (s) => usage(s, ["input_audio_tokens", "input_audio"]),
    audioOutputTokens: (s) => usage(s, ["output_audio_tokens", "output_audio"]),
    imageInputTokens: (s) => usage(s, ["input_image_tokens", "input_image"]),
    costUsd: (s) => cost(s),
    input: (s) => mapValue(s.json("langfuse.observation.input"), toInput),
    output: (s) => outputOf(s.json("langfuse.observation.output")),
    userId: (s) => s.string("langfuse.user.id", 256),
    sessionId: (s) => s.string("langfuse.session.id", 256),
    environment: (s) => s.string("langfuse.environment", 64),
    tags: (s) => tags(s),
  },
  // Langfuse prices each usage key as its own bucket (its SDKs subtract the details from
  // `input` and `output`), unless the reported total shows input and output already hold them.
  usageCounting: (s) => {
    const input = usage(s, ["input", "prompt_tokens", "input_tokens", "promptTokens"])?.value;
    const output = usage(s, ["output", "completion_tokens", "output_tokens", "completionTokens"])?.value;
    const total = usage(s, ["total", "total_tokens", "totalTokens"])?.value;
    const inclusive = input !== undefined && output !== undefined && total !== undefined && total === input + output;
    return { additive: !inclusive };
  },
  metadata: (s) => [
    ...metadataUnder(s, "langfuse.trace.metadata"),
    ...metadataUnder(s, "langfuse.observation.metadata"),
    ...Object.entries(NAMED).flatMap(([key, name]) => {
      const v = s.string(key, 500);
      return v ? [{ key: name, value: v.value, from: key }] : [];
    }),
  ],
};

/** Langfuse marks failed observations with level ERROR even when the OTel status is unset. */
export function isErrorLevel(s: SpanView): boolean {
  const level = s.raw("langfuse.observation.level");
  return typeof level === "string" && level.toUpperCase() === "ERROR";
}

function detail(s: SpanView, key: string, names: string[], integer: boolean): Found<number> | undefined {
  const d = s.json(key);
  if (!d || typeof d.value !== "object" || d.value === null) return undefined;
  const map = d.value as Record<string, unknown>;
  for (const name of names) {
    const n = asNumber(map[name]);
    if (n === undefined || n < 0 || (integer && !Number.isInteger(n))) continue;
    return { value: n, from: `${key}.${name}`, consumed: [key] };
  }
  return undefined;
}

function cost(s: SpanView): Found<number> | undefined {
  const total = detail(s, "langfuse.observation.cost_details", ["total"], false);
  if (total) return total;
  const d = s.json("langfuse.observation.cost_details");
  if (!d || typeof d.value !== "object" || d.value === null) return undefined;
  const parts = Object.values(d.value as Record<string, unknown>).map(asNumber);
  if (!parts.length || parts.some((n) => n === undefined || n < 0)) return undefined;
  return { value: parts.reduce<number>((a, b) => a + b!, 0), from: "langfuse.observation.cost_details (sum)", consumed: [d.from] };
}

function tags(s: SpanView): Found<string[]> | undefined {
  const t = s.json("langfuse.trace.tags");
  if (!t || !Array.isArray(t.value) || !t.value.every((x) => typeof x === "string" && x.length <= 200) || t.value.length > 64) return undefined;
  return { value: t.value as string[], from: t.from };
}

function usage(s: SpanView, names: string[]): Found<number> | undefined {
  return detail(s, "langfuse.observation.usage_details", names, true);
}
