import { describe, expect, it } from "vitest";
import { decodeTraces } from "@/lib/otlp/decode";
import { mapSpan } from "@/lib/otlp/map/map-span";
import { ingestEventSchema } from "@/lib/ingest/event-schema";
import { jsonRequest, jsonSpan } from "./helpers";

type Attrs = Parameters<typeof jsonSpan>[0];

/** Map one span built from attributes (and span fields), through the real JSON decoder. */
function map(attrs: Attrs, over: Record<string, unknown> = {}, resource?: Attrs) {
  const { spans } = decodeTraces(Buffer.from(JSON.stringify(jsonRequest([jsonSpan(attrs, over)], resource))), "json");
  const out = mapSpan(spans[0]);
  expect(ingestEventSchema.safeParse(out.event).error).toBeUndefined();
  return { event: out.event, otel: out.extra.otel };
}

describe("classification", () => {
  it.each([
    [{ "gen_ai.operation.name": "chat", "gen_ai.request.model": "m" }, "llm"],
    [{ "gen_ai.operation.name": "embeddings", "gen_ai.request.model": "m" }, "llm"],
    [{ "gen_ai.operation.name": "invoke_agent", "gen_ai.request.model": "m" }, "span"],
    [{ "gen_ai.operation.name": "execute_tool" }, "span"],
    [{ "gen_ai.request.model": "m" }, "llm"],
    [{ "gen_ai.system": "openai" }, "span"],
    [{ "openinference.span.kind": "LLM" }, "llm"],
    [{ "openinference.span.kind": "TOOL", "llm.model_name": "m" }, "span"],
    [{ "llm.request.type": "chat" }, "llm"],
    [{ "traceloop.span.kind": "task" }, "span"],
    [{ "ai.operationId": "ai.generateText", "ai.model.id": "m", "gen_ai.request.model": "m" }, "span"],
    [{ "ai.operationId": "ai.embedMany.doEmbed", "ai.model.id": "m" }, "llm"],
    [{ "langfuse.observation.type": "generation" }, "llm"],
    [{ "langfuse.observation.type": "span", "gen_ai.request.model": "m" }, "span"],
    [{ "http.request.method": "GET" }, "span"],
  ] as [Attrs, string][])("%j → %s", (attrs, type) => {
    expect(map(attrs).event.type).toBe(type);
  });

  it("names the marker that decided, and an LLM span without a model becomes model 'unknown'", async () => {
    const { event, otel } = map({ "openinference.span.kind": "LLM" });
    expect(otel.mapped.type).toBe("openinference.span.kind");
    expect(event.model).toBe("unknown");
    expect(otel.warnings).toContain('LLM span without a model attribute; model set to "unknown"');
  });

  it("keeps plain spans with their name, no model, and their attributes unmapped", async () => {
    const { event, otel } = map({ "http.route": "/x", "http.response.status_code": 200 }, { name: "GET /x", kind: 2 });
    expect(event).toMatchObject({ type: "span", name: "GET /x", status: "ok" });
    expect(event.model).toBeUndefined();
    expect(otel.spanKind).toBe("server");
    expect(otel.unmapped).toEqual({ "http.route": "/x", "http.response.status_code": 200 });
  });
});

describe("field precedence", () => {
  it("prefers sightline.* over Langfuse over OTel GenAI for the prompt", async () => {
    const all = { "gen_ai.request.model": "m", "sightline.prompt.id": "s", "sightline.prompt.version": 3, "langfuse.observation.prompt.name": "l", "langfuse.observation.prompt.version": 9, "traceloop.prompt.key": "t", "traceloop.prompt.version": 1 };
    const { event, otel } = map(all);
    expect(event).toMatchObject({ promptId: "s", promptVersion: 3 });
    expect(otel.mapped).toMatchObject({ promptId: "sightline.prompt.id", promptVersion: "sightline.prompt.version" });
    expect(otel.unmapped).toMatchObject({ "langfuse.observation.prompt.name": "l", "traceloop.prompt.key": "t" });
    const { sightline: _s, ...withoutSightline } = { sightline: 0, ...all, "sightline.prompt.id": undefined, "sightline.prompt.version": undefined };
    void _s;
    const lf = map(Object.fromEntries(Object.entries(withoutSightline).filter(([, v]) => v !== undefined)) as Attrs);
    expect(lf.event).toMatchObject({ promptId: "l", promptVersion: 9 });
  });

  it("prefers the newest GenAI names, and the response model over the request model", async () => {
    const { event, otel } = map({
      "gen_ai.request.model": "gpt-4o", "gen_ai.response.model": "gpt-4o-2024-08-06",
      "gen_ai.usage.input_tokens": 10, "gen_ai.usage.prompt_tokens": 99, "gen_ai.usage.output_tokens": 5, "gen_ai.usage.completion_tokens": 98,
      "gen_ai.provider.name": "azure.ai.openai", "gen_ai.system": "openai",
      "llm.token_count.prompt": 77, "ai.usage.promptTokens": 66,
    });
    expect(event).toMatchObject({ model: "gpt-4o-2024-08-06", inputTokens: 10, outputTokens: 5, metadata: { provider: "azure.ai.openai" } });
    expect(otel.unmapped).toMatchObject({ "gen_ai.request.model": "gpt-4o", "gen_ai.usage.prompt_tokens": 99, "gen_ai.system": "openai", "llm.token_count.prompt": 77, "ai.usage.promptTokens": 66 });
  });

  it("falls through to a lower family when a higher one has a value of the wrong type", async () => {
    const { event, otel } = map({ "gen_ai.request.model": "m", "gen_ai.usage.input_tokens": "lots", "llm.token_count.prompt": "12" });
    expect(event.inputTokens).toBe(12);
    expect(otel.mapped.inputTokens).toBe("llm.token_count.prompt");
    expect(otel.unmapped["gen_ai.usage.input_tokens"]).toBe("lots");
    expect(otel.warnings).toContain('gen_ai.usage.input_tokens: expected an integer from 0 to 1000000000, got "lots"; not mapped');
  });

  it("takes user and session from Langfuse, then OpenLLMetry and Vercel properties, then user.id/session.id", async () => {
    expect(map({ "langfuse.user.id": "a", "user.id": "b" }).event.userId).toBe("a");
    expect(map({ "traceloop.association.properties.user_id": "c", "user.id": "b" }).event.userId).toBe("c");
    expect(map({ "ai.telemetry.metadata.userId": "d", "enduser.id": "e" }).event.userId).toBe("d");
    expect(map({ "enduser.id": "e" }).event.userId).toBe("e");
    expect(map({ "session.id": "s1" }).event.sessionId).toBe("s1");
  });

  it("reads the environment from the span, then the resource (new name before old)", async () => {
    expect(map({}, {}, { "deployment.environment.name": "prod", "deployment.environment": "old" }).event.environment).toBe("prod");
    expect(map({}, {}, { "deployment.environment": "old" }).event.environment).toBe("old");
    expect(map({ "langfuse.environment": "dev" }, {}, { "deployment.environment.name": "prod" }).event.environment).toBe("dev");
    expect(map({}).event.environment).toBeUndefined(); // the ingest default ("production") applies
  });
});

describe("values", () => {
  it("computes latency from the nanosecond times and uses the start as timestamp", async () => {
    const start = BigInt(Date.now() - 5000) * 1_000_000n;
    const { event, otel } = map({ "gen_ai.request.model": "m" }, { startTimeUnixNano: start.toString(), endTimeUnixNano: (start + 1_234_567_890n).toString() });
    expect(event.latencyMs).toBe(1234.567);
    expect(event.timestamp).toBe(Number(start / 1_000_000n));
    expect(otel.mapped).not.toHaveProperty("latencyMs"); // fixed sources are documented, not repeated per event
  });

  it("takes the cost from gen_ai.usage.cost or Langfuse cost details and otherwise leaves it to the price book", async () => {
    expect(map({ "gen_ai.request.model": "m", "gen_ai.usage.cost": 0.25 }).event.costUsd).toBe(0.25);
    expect(map({ "langfuse.observation.type": "generation", "langfuse.observation.cost_details": '{"input":0.1,"output":0.2}' }).event.costUsd).toBeCloseTo(0.3);
    expect(map({ "gen_ai.request.model": "m", "gen_ai.usage.input_tokens": 5 }).event).not.toHaveProperty("costUsd");
  });

  it("derives a missing token side from a total, and keeps a lone total unmapped", async () => {
    const derived = map({ "llm.request.type": "chat", "gen_ai.usage.input_tokens": 30, "llm.usage.total_tokens": 42 });
    expect(derived.event).toMatchObject({ inputTokens: 30, outputTokens: 12 });
    expect(derived.otel.mapped.outputTokens).toBe("llm.usage.total_tokens − gen_ai.usage.input_tokens");
    const lone = map({ "llm.request.type": "chat", "llm.usage.total_tokens": 42 });
    expect(lone.event).not.toHaveProperty("inputTokens");
    expect(lone.otel.unmapped["llm.usage.total_tokens"]).toBe(42);
  });

  it("maps span status: error with its message, else the exception event, else Langfuse's status message", async () => {
    expect(map({}, { status: { code: 2, message: "boom" } }).event).toMatchObject({ status: "error", errorMessage: "boom" });
    const ex = map({}, { status: { code: 2 }, events: [{ name: "exception", timeUnixNano: "1", attributes: [{ key: "exception.type", value: { stringValue: "E" } }, { key: "exception.message", value: { stringValue: "bad" } }] }] });
    expect(ex.event).toMatchObject({ status: "error", errorMessage: "E: bad" });
    expect(ex.otel.mapped.errorMessage).toBe("event:exception");
    expect(map({ "langfuse.observation.level": "ERROR", "langfuse.observation.status_message": "lf" }).event).toMatchObject({ status: "error", errorMessage: "lf" });
    expect(map({}, { status: { code: 1, message: "ignored when ok" } }).event).toMatchObject({ status: "ok" });
    expect(map({}, { status: { code: 1 } }).event).not.toHaveProperty("errorMessage");
  });

  it("truncates a huge status message and keeps the whole one in provenance", async () => {
    const long = "x".repeat(20_000);
    const { event, otel } = map({}, { status: { code: 2, message: long } });
    expect((event.errorMessage as string).length).toBe(10_000);
    expect(otel.statusMessage).toBe(long);
  });

  it("maps hallucination flags, and refuses a score without a flag", async () => {
    expect(map({ "gen_ai.request.model": "m", "sightline.hallucination.flagged": "true", "sightline.hallucination.score": "0.4" }).event.hallucination).toEqual({ flagged: true, score: 0.4, source: "otel" });
    const noFlag = map({ "gen_ai.request.model": "m", "sightline.hallucination.score": 0.9 });
    expect(noFlag.event).not.toHaveProperty("hallucination");
    expect(noFlag.otel.unmapped["sightline.hallucination.score"]).toBe(0.9);
    const outOfRange = map({ "gen_ai.request.model": "m", "sightline.hallucination.flagged": false, "sightline.hallucination.score": 3 });
    expect(outOfRange.event.hallucination).toEqual({ flagged: false, source: "otel" });
    expect(outOfRange.otel.unmapped["sightline.hallucination.score"]).toBe(3);
  });

  it("maps a prompt version only together with a prompt id, and only integers ≥ 1", async () => {
    const alone = map({ "gen_ai.request.model": "m", "sightline.prompt.version": 2 });
    expect(alone.event).not.toHaveProperty("promptVersion");
    expect(alone.otel.unmapped["sightline.prompt.version"]).toBe(2);
    expect(map({ "gen_ai.request.model": "m", "sightline.prompt.id": "p", "sightline.prompt.version": "v2" }).event).not.toHaveProperty("promptVersion");
    expect(map({ "gen_ai.request.model": "m", "sightline.prompt.id": "p", "sightline.prompt.version": "7" }).event.promptVersion).toBe(7);
  });

  it("leaves values too long for a column unmapped rather than rejecting the span", async () => {
    const { event, otel } = map({ "gen_ai.request.model": "m".repeat(300), "user.id": "u".repeat(300) });
    expect(event.model).toBe("unknown");
    expect(event).not.toHaveProperty("userId");
    expect(Object.keys(otel.unmapped)).toEqual(["gen_ai.request.model", "user.id"]);
  });

  it("keeps metadata within 16 KiB; beyond, its attributes stay unmapped", async () => {
    const big = { "gen_ai.request.model": "m", "traceloop.association.properties.blob": "y".repeat(17_000) };
    const { event, otel } = map(big);
    expect(event).not.toHaveProperty("metadata");
    expect(otel.unmapped["traceloop.association.properties.blob"]).toHaveLength(17_000);
  });

  it("turns GenAI message shapes into chat input and text output", async () => {
    const { event, otel } = map({
      "gen_ai.operation.name": "chat", "gen_ai.request.model": "m",
      "gen_ai.input.messages": JSON.stringify([{ role: "user", parts: [{ type: "text", content: "a" }, { type: "image", uri: "u" }] }]),
      "gen_ai.output.messages": JSON.stringify([{ role: "assistant", parts: [{ type: "tool_call", name: "f", arguments: {} }] }]),
    });
    expect(event.input).toEqual([{ role: "user", content: [{ type: "text", content: "a" }, { type: "image", uri: "u" }] }]);
    expect(JSON.parse(event.output as string)).toEqual([{ role: "assistant", parts: [{ type: "tool_call", name: "f", arguments: {} }] }]);
    expect(otel.original).toHaveProperty(["gen_ai.output.messages"]);
  });

  it("collects metadata across families, the higher family winning a clash", async () => {
    const { event, otel } = map({
      "gen_ai.request.model": "m",
      "langfuse.trace.metadata.tier": "lf",
      "traceloop.association.properties.tier": "tl",
      "ai.telemetry.metadata.region": "eu",
    }, {}, { "service.name": "svc" });
    expect(event.metadata).toEqual({ service: "svc", region: "eu", tier: "lf" });
    expect(otel.mapped["metadata.tier"]).toBe("langfuse.trace.metadata.tier");
    expect(otel.unmapped).toEqual({ "traceloop.association.properties.tier": "tl" });
  });
});
