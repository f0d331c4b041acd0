import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span, type Tracer } from "@opentelemetry/api";
import { ExportResultCode } from "@opentelemetry/core";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, BatchSpanProcessor, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan, type SpanExporter } from "@opentelemetry/sdk-trace-base";
import { OTLPTraceExporter as JsonExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as ProtoExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import * as otlpRoute from "@/app/api/otlp/v1/traces/route";
import * as eventsRoute from "@/app/api/v1/events/route";
import * as eventRoute from "@/app/api/v1/events/[id]/route";
import { freshDb, makeProject, type TestProject } from "@/tests/helpers/db";
import { get } from "@/tests/helpers/ingest-client";
import { startRouteServer, type RouteServer } from "@/tests/helpers/route-server";

/**
 * The real OpenTelemetry JS SDK and its OTLP/HTTP exporters (JSON and protobuf) export to the
 * receiver on a real port; the events are then read back through the read API.
 */
let server: RouteServer;
let project: TestProject;

beforeAll(async () => {
  server = await startRouteServer({
    "/api/otlp/v1/traces": otlpRoute,
    "/api/v1/events": eventsRoute,
    "/api/v1/events/[id]": eventRoute,
  });
});
afterAll(() => server.close());
beforeEach(async () => {
  project = await makeProject(await freshDb());
});

const exporters: Record<string, (url: string, key: string) => SpanExporter> = {
  "http/json": (url, key) => new JsonExporter({ url, headers: { Authorization: `Bearer ${key}` } }),
  "http/protobuf": (url, key) => new ProtoExporter({ url, headers: { Authorization: `Bearer ${key}` } }),
  "http/protobuf, gzip": (url, key) => new ProtoExporter({ url, headers: { Authorization: `Bearer ${key}` }, compression: "gzip" as never }),
};

const T0 = Date.now() - 60_000;
/** High-resolution time T0 + ms (a Date would round to whole milliseconds). */
const at = (ms: number): [number, number] => {
  const total = T0 + ms;
  return [Math.floor(total / 1000), Math.round((total % 1000) * 1e6)];
};

/** An agent request: server span → agent → LLM call (with cost) + LLM call (priced by us) + failing tool. */
function recordAgentRun(tracer: Tracer) {
  const root = tracer.startSpan("POST /chat", { kind: SpanKind.SERVER, startTime: at(0), attributes: { "http.request.method": "POST", "user.id": "u-1" } });
  const inside = (parent: Span) => trace.setSpan(ROOT_CONTEXT, parent);
  const agent = tracer.startSpan("invoke_agent helper", { startTime: at(5), attributes: { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": "helper" } }, inside(root));
  const chat = tracer.startSpan("chat gpt-4o-mini", {
    kind: SpanKind.CLIENT,
    startTime: at(10),
    attributes: {
      "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.request.model": "gpt-4o-mini",
      "gen_ai.usage.input_tokens": 1200, "gen_ai.usage.output_tokens": 300, "gen_ai.usage.cost": 0.00036,
      "gen_ai.input.messages": JSON.stringify([{ role: "user", parts: [{ type: "text", content: "Plan my day" }] }]),
      "gen_ai.output.messages": JSON.stringify([{ role: "assistant", parts: [{ type: "text", content: "Here is a plan." }] }]),
      "sightline.prompt.id": "day-planner", "sightline.prompt.version": 3, "session.id": "sess-1", "app.custom": "kept",
    },
  }, inside(agent));
  chat.end(at(10 + 1234.5));
  const second = tracer.startSpan("chat gpt-4o-mini", {
    kind: SpanKind.CLIENT,
    startTime: at(1300),
    attributes: { "gen_ai.operation.name": "chat", "gen_ai.request.model": "gpt-4o-mini", "gen_ai.usage.input_tokens": 1_000_000, "gen_ai.usage.output_tokens": 0 },
  }, inside(agent));
  second.end(at(1400));
  const tool = tracer.startSpan("execute_tool calendar", { startTime: at(1450), attributes: { "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "calendar" } }, inside(agent));
  tool.setStatus({ code: SpanStatusCode.ERROR, message: "calendar unavailable" });
  tool.end(at(1500));
  agent.end(at(1600));
  root.end(at(1700));
  return { root, agent, chat, second, tool };
}

function collect(resource: Record<string, string>) {
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ resource: resourceFromAttributes(resource), spanProcessors: [new SimpleSpanProcessor(memory)] });
  const spans = recordAgentRun(provider.getTracer("sightline-test", "0.0.1"));
  return { spans, finished: memory.getFinishedSpans() };
}

function exportWith(exporter: SpanExporter, spans: ReadableSpan[]) {
  return new Promise<{ code: ExportResultCode; error?: Error }>((resolve) => exporter.export(spans, resolve));
}

const idOf = (s: Span) => `${s.spanContext().traceId}:${s.spanContext().spanId}`;

describe.each(Object.keys(exporters))("the OpenTelemetry JS SDK exporting over %s", (name) => {
  it("lands every span as an event with model, tokens, cost, prompt, latency and the trace tree", async () => {
    const { spans, finished } = collect({ "service.name": "planner", "deployment.environment.name": "staging" });
    const exporter = exporters[name](`${server.url}/api/otlp/v1/traces`, project.key);
    const result = await exportWith(exporter, finished);
    await exporter.shutdown();
    expect(result.error).toBeUndefined();
    expect(result.code).toBe(ExportResultCode.SUCCESS);

    const traceId = spans.root.spanContext().traceId;
    const list = await get(server.url, `/api/v1/events?traceId=${traceId}`, project.key);
    expect(list.status).toBe(200);
    const events = list.json.events as Record<string, unknown>[];
    expect(events).toHaveLength(5);
    const byId = new Map(events.map((e) => [e.id as string, e]));

    expect(byId.get(idOf(spans.chat))).toMatchObject({
      // userId comes from the root span ("user.id" is set there only: lib/otlp/propagate-root-attributes.ts).
      type: "llm", model: "gpt-4o-mini", environment: "staging", userId: "u-1", sessionId: "sess-1",
      inputTokens: 1200, outputTokens: 300, costUsd: 0.00036, promptId: "day-planner", promptVersion: 3,
      latencyMs: 1234.5, status: "ok", traceId, spanId: spans.chat.spanContext().spanId, parentSpanId: spans.agent.spanContext().spanId,
      input: [{ role: "user", content: "Plan my day" }], output: "Here is a plan.",
      timestamp: new Date(T0 + 10).toISOString(),
    });
    // No cost attribute: the price book prices it (gpt-4o-mini input at $0.15 per 1M tokens).
    expect(byId.get(idOf(spans.second))).toMatchObject({ type: "llm", costUsd: 0.15, unpriced: false, latencyMs: 100 });
    expect(byId.get(idOf(spans.tool))).toMatchObject({ type: "span", name: "execute_tool calendar", status: "error", errorMessage: "calendar unavailable", parentSpanId: spans.agent.spanContext().spanId });
    expect(byId.get(idOf(spans.agent))).toMatchObject({ type: "span", parentSpanId: spans.root.spanContext().spanId });
    expect(byId.get(idOf(spans.root))).toMatchObject({ type: "span", name: "POST /chat", userId: "u-1", parentSpanId: null, latencyMs: 1700 });

    // The event detail carries the mapping provenance for the inspector.
    const detail = await get(server.url, `/api/v1/events/${encodeURIComponent(idOf(spans.chat))}`, project.key);
    expect(detail.json.metadata).toEqual({ service: "planner", provider: "openai" });
    expect(detail.json.otel).toMatchObject({
      mapped: {
        model: "gen_ai.request.model", inputTokens: "gen_ai.usage.input_tokens", costUsd: "gen_ai.usage.cost", promptVersion: "sightline.prompt.version",
        sessionId: "session.id", environment: "resource.deployment.environment.name", "metadata.service": "resource.service.name",
      },
      unmapped: { "app.custom": "kept", "gen_ai.operation.name": "chat" },
      resource: {}, // both resource attributes were mapped: named in `mapped`, values in their fields
      scope: { name: "sightline-test", version: "0.0.1" },
      spanKind: "client",
    });
  });

  it("is idempotent: exporting the same spans again stores nothing new", async () => {
    const { spans, finished } = collect({ "service.name": "planner" });
    const exporter = exporters[name](`${server.url}/api/otlp/v1/traces`, project.key);
    expect((await exportWith(exporter, finished)).code).toBe(ExportResultCode.SUCCESS);
    expect((await exportWith(exporter, finished)).code).toBe(ExportResultCode.SUCCESS);
    await exporter.shutdown();
    const list = await get(server.url, `/api/v1/events?traceId=${spans.root.spanContext().traceId}`, project.key);
    expect(list.json.events).toHaveLength(5);
  });

  it("reports a wrong key as a failed export", async () => {
    const { finished } = collect({ "service.name": "planner" });
    const exporter = exporters[name](`${server.url}/api/otlp/v1/traces`, "sl_not_a_key");
    const result = await exportWith(exporter, finished);
    await exporter.shutdown();
    expect(result.code).toBe(ExportResultCode.FAILED);
  });
});

describe("configuration by environment variables only", () => {
  it("works with OTEL_EXPORTER_OTLP_ENDPOINT=<base>/api/otlp and OTEL_EXPORTER_OTLP_HEADERS", async () => {
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT = `${server.url}/api/otlp`;
    process.env.OTEL_EXPORTER_OTLP_HEADERS = `Authorization=Bearer ${project.key}`;
    try {
      const provider = new BasicTracerProvider({
        resource: resourceFromAttributes({ "service.name": "env-configured" }),
        spanProcessors: [new BatchSpanProcessor(new ProtoExporter())],
      });
      const span = provider.getTracer("env").startSpan("chat claude", { attributes: { "gen_ai.request.model": "claude-3-5-haiku", "gen_ai.usage.input_tokens": 5 } });
      span.end();
      await provider.forceFlush();
      await provider.shutdown();
      const detail = await get(server.url, `/api/v1/events/${encodeURIComponent(idOf(span))}`, project.key);
      expect(detail.status).toBe(200);
      expect(detail.json).toMatchObject({ type: "llm", model: "claude-3-5-haiku", inputTokens: 5 });
    } finally {
      delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
      delete process.env.OTEL_EXPORTER_OTLP_HEADERS;
    }
  });
});
