import { describe, expect, it } from "vitest";
import { ingestEventSchema, llmEventSchema, predictionEventSchema, spanEventSchema } from "./event-schema";
import { FAST_PATH_FIELDS, fastValidate } from "./fast-validate";
import { rng } from "@/lib/seed/random";

/**
 * The fast path may decline any event, but whatever it accepts must be accepted by the zod
 * schema with the same output. Checked on valid events and on thousands of mutations of them.
 */
const now = Date.now();
const BASE: Record<string, unknown>[] = [
  { id: "a", type: "llm", model: "gpt-4o", latencyMs: 120 },
  {
    id: "b", type: "llm", timestamp: now - 1000, model: "gpt-4o", modelVersion: 3, environment: "staging", userId: "u",
    sessionId: "s", traceId: "t", spanId: "sp", parentSpanId: "pp", tags: ["x", ""], metadata: { k: [1, { z: null }] },
    promptId: "p", promptVersion: 2, inputTokens: 10, outputTokens: 0, costUsd: 0.5, status: "error", errorMessage: "",
    latencyMs: 950, input: [{ role: "user", content: "hi", name: "n" }, { role: "assistant", content: null }], output: "o", context: ["c1", ""],
    hallucination: { flagged: true, score: 0.3, source: "judge", extra: 1 }, unknownKey: { deep: 1 },
  },
  {
    id: "u", type: "llm", model: "claude-sonnet-4", latencyMs: 5, inputTokens: 48_183, cacheReadInputTokens: 47_105,
    cacheCreationInputTokens: 1_076, cacheCreation5mInputTokens: 76, cacheCreation1hInputTokens: 1_000, outputTokens: 714,
    reasoningTokens: 200, audioInputTokens: 1, audioOutputTokens: 2, imageInputTokens: 3, imageOutputTokens: 4,
  },
  { id: "c", type: "llm", timestamp: new Date(now - 5000).toISOString(), model: "m", latencyMs: 0, input: "text" },
  { id: "d", type: "prediction", model: "fraud", prediction: 1, score: 0.2, latencyMs: 3.5, features: { a: 1, b: "x", c: true, d: null }, attributions: { a: 0.4, b: -0.1 } },
  { id: "e", type: "prediction", model: "fraud", modelVersion: "1.4.0", prediction: "yes", status: "ok" },
  { id: "f", type: "span", name: "execute_tool search" },
  { id: "g", type: "span", name: "POST /chat", model: "agent", timestamp: now - 20, latencyMs: 12.5, status: "error", errorMessage: "timeout", traceId: "t", spanId: "s", parentSpanId: "p", metadata: { "http.route": "/chat" } },
];

const ODD_VALUES: unknown[] = [
  undefined, null, "", "x", "x".repeat(65), "x".repeat(129), "x".repeat(201), "x".repeat(257), "x".repeat(10_001), 0, -1, 0.5,
  1, 1.5, 2, 700, 1_000, 47_105, 48_183, 1e6, 1e6 + 1, 1e9 + 1, 86_400_001, NaN, Infinity, true, false, [], ["a"], [1], {}, { role: "user" }, [{ role: 1 }],
  "x".repeat(500), "x".repeat(501), "span", "label",
  "2026-01-01", "yesterday", "1999-12-31T00:00:00Z", now + 2 * 86_400_000, Date.UTC(1999, 0, 1), "ok", "error", "bad",
  { flagged: "yes" }, { flagged: false, score: 2 }, { a: undefined }, { a: [1] }, { a: 1, b: -0.5 }, { a: "1" }, { a: NaN }, { big: "x".repeat(17_000) },
  Array.from({ length: 65 }, () => "t"), Array.from({ length: 257 }, () => "c"),
];

const KEYS = [
  "id", "type", "timestamp", "model", "modelVersion", "environment", "userId", "sessionId", "traceId", "spanId",
  "parentSpanId", "tags", "metadata", "promptId", "promptVersion", "latencyMs", "inputTokens", "outputTokens", "costUsd",
  "cacheReadInputTokens", "cacheCreationInputTokens", "cacheCreation5mInputTokens", "cacheCreation1hInputTokens",
  "reasoningTokens", "audioInputTokens", "audioOutputTokens", "imageInputTokens", "imageOutputTokens",
  "status", "errorMessage", "input", "output", "context", "hallucination", "features", "prediction", "score", "name",
  "attributions",
];

function agree(input: Record<string, unknown>) {
  const fast = fastValidate(input);
  if (fast === undefined) return;
  const slow = ingestEventSchema.safeParse(input);
  expect(slow.success, JSON.stringify(input)).toBe(true);
  expect(JSON.parse(JSON.stringify(fast))).toEqual(JSON.parse(JSON.stringify(slow.data)));
}

describe("fastValidate", () => {
  it("accepts the common valid events with zod's exact output", () => {
    for (const e of BASE) {
      expect(fastValidate(e)).toBeDefined();
      agree(e);
    }
  });

  it("never accepts what zod rejects, nor differs from zod's output, across mutations", () => {
    const r = rng(42);
    let accepted = 0;
    for (let i = 0; i < 20_000; i++) {
      const e: Record<string, unknown> = { ...r.pick(BASE) };
      for (let m = r.int(1, 3); m > 0; m--) {
        const key = r.pick(KEYS);
        const v = r.pick(ODD_VALUES);
        if (v === undefined && r.chance(0.5)) delete e[key];
        else e[key] = v;
      }
      if (fastValidate(e)) accepted++;
      agree(e);
    }
    expect(accepted).toBeGreaterThan(1000);
  });

  it("knows every field of the schemas it shortcuts (a new field must be added there too)", () => {
    const known = (extra: readonly string[]) => [...FAST_PATH_FIELDS.common, ...extra].sort();
    expect(known(FAST_PATH_FIELDS.llm)).toEqual(Object.keys(llmEventSchema.shape).sort());
    expect(known(FAST_PATH_FIELDS.prediction)).toEqual(Object.keys(predictionEventSchema.shape).sort());
    expect(known(FAST_PATH_FIELDS.span)).toEqual(Object.keys(spanEventSchema.shape).sort());
    const verdict = llmEventSchema.shape.hallucination.unwrap().shape;
    expect([...FAST_PATH_FIELDS.hallucination].sort()).toEqual(Object.keys(verdict).sort());
  });

  it("leaves other event types to zod", () => {
    expect(fastValidate({ id: "l", type: "label", model: "m", targetId: "p", label: 1 })).toBeUndefined();
    expect(fastValidate({ id: "m", type: "metric", model: "m", name: "drift.psi", value: 0.2 })).toBeUndefined();
  });
});
