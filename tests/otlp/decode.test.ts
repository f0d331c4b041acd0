import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { ROOT_CONTEXT, SpanStatusCode, trace } from "@opentelemetry/api";
import { JsonTraceSerializer, ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import { ValidationError } from "@/lib/api/errors";
import { decodeTraces } from "@/lib/otlp/decode";
import { normaliseId } from "@/lib/otlp/ids";
import { jsonRequest, jsonSpan } from "./helpers";

const json = (o: unknown) => Buffer.from(JSON.stringify(o));

/** Spans recorded by the real OpenTelemetry SDK, as both serializers of the SDK encode them. */
function sdkSpans() {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const tracer = provider.getTracer("decode-test", "1.2.3");
  const parent = tracer.startSpan("parent");
  const attributes = { "gen_ai.request.model": "gpt-4o", "gen_ai.usage.input_tokens": 12, ratio: 0.5, flag: true, list: ["a", "b"], big: 2 ** 53 + 2 };
  const child = tracer.startSpan("chat gpt-4o", { attributes }, trace.setSpan(ROOT_CONTEXT, parent));
  child.addEvent("gen_ai.user.message", { content: "hi" });
  child.setStatus({ code: SpanStatusCode.ERROR, message: "rate limited" });
  child.end();
  parent.end();
  return exporter.getFinishedSpans();
}

describe("decodeTraces", () => {
  it("reads the SDK's protobuf and JSON encodings into the same spans", async () => {
    const spans = sdkSpans();
    const fromProto = decodeTraces(ProtobufTraceSerializer.serializeRequest(spans)!, "protobuf");
    const fromJson = decodeTraces(JsonTraceSerializer.serializeRequest(spans)!, "json");
    expect(fromProto.rejected).toEqual([]);
    expect(fromProto.spans).toHaveLength(2);
    expect(fromJson.spans).toEqual(fromProto.spans);

    const child = fromProto.spans.find((s) => s.name === "chat gpt-4o")!;
    const parent = fromProto.spans.find((s) => s.name === "parent")!;
    expect(child.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(child.traceId).toBe(spans[0].spanContext().traceId);
    expect(child.parentSpanId).toBe(parent.spanId);
    expect(child.attributes).toMatchObject({ "gen_ai.request.model": "gpt-4o", "gen_ai.usage.input_tokens": 12, ratio: 0.5, flag: true, list: ["a", "b"] });
    expect(child.statusCode).toBe(2);
    expect(child.statusMessage).toBe("rate limited");
    expect(child.events[0]).toMatchObject({ name: "gen_ai.user.message", attributes: { content: "hi" } });
    expect(child.scope).toEqual({ name: "decode-test", version: "1.2.3" });
    expect(child.resource["telemetry.sdk.language"]).toBe("nodejs");
    expect(child.durationMs).toBeGreaterThanOrEqual(0);
    expect(Math.abs(child.startMs - spans[0].startTime[0] * 1000 - spans[0].startTime[1] / 1e6)).toBeLessThan(2);
  });

  it("accepts int64 as strings or numbers, enums as numbers or names, and ignores unknown fields", async () => {
    const span = jsonSpan({}, { kind: "SPAN_KIND_CLIENT", status: { code: "STATUS_CODE_ERROR" }, startTimeUnixNano: 1_700_000_000_000_000_000, endTimeUnixNano: "1700000000002500000", futureField: 1 });
    const out = decodeTraces(json({ ...jsonRequest([span]), extra: true }), "json");
    expect(out.spans[0]).toMatchObject({ kind: 3, statusCode: 2, durationMs: expect.closeTo(2.5, 3) });
  });

  it("keeps exact integers beyond 2^53 as decimal strings", async () => {
    const span = jsonSpan({}, { attributes: [{ key: "big", value: { intValue: "9007199254740993" } }, { key: "neg", value: { intValue: -5 } }] });
    expect(decodeTraces(json(jsonRequest([span])), "json").spans[0].attributes).toEqual({ big: "9007199254740993", neg: -5 });
  });

  it("converts nested arrays, key-value lists and bytes", async () => {
    const span = jsonSpan({}, {
      attributes: [
        { key: "kv", value: { kvlistValue: { values: [{ key: "a", value: { arrayValue: { values: [{ intValue: "1" }, { stringValue: "x" }] } } }] } } },
        { key: "bytes", value: { bytesValue: "AQID" } },
        { key: "empty", value: {} },
      ],
    });
    expect(decodeTraces(json(jsonRequest([span])), "json").spans[0].attributes).toEqual({ kv: { a: [1, "x"] }, bytes: "AQID", empty: null });
  });

  it("keeps attributes of the wrong type as they came, with a warning", async () => {
    const span = jsonSpan({}, {
      attributes: [
        { key: "gen_ai.usage.input_tokens", value: { intValue: "twelve" } },
        { key: "flag", value: { boolValue: "yes" } },
        { key: "num", value: { doubleValue: "1.5" } },
        { key: "text", value: { stringValue: 7 } },
        { key: "raw", value: "not an AnyValue" },
        { value: { stringValue: "no key" } },
      ],
    });
    const s = decodeTraces(json(jsonRequest([span])), "json").spans[0];
    expect(s.attributes).toEqual({ "gen_ai.usage.input_tokens": "twelve", flag: "yes", num: 1.5, text: 7, raw: "not an AnyValue" });
    expect(s.warnings).toEqual([
      "gen_ai.usage.input_tokens: intValue is not an integer",
      "flag: boolValue is not a boolean",
      "text: stringValue is not a string",
      "raw: value is not an AnyValue object",
      "attributes[5]: attribute without a string key ignored",
    ]);
  });

  it("rejects spans without valid ids or times one by one, keeping the rest", async () => {
    const good = jsonSpan();
    const spans = [
      jsonSpan({}, { traceId: undefined }),
      jsonSpan({}, { spanId: "" }),
      jsonSpan({}, { traceId: "00000000000000000000000000000000" }),
      jsonSpan({}, { spanId: "xyz" }),
      good,
      jsonSpan({}, { startTimeUnixNano: "0" }),
      jsonSpan({}, { endTimeUnixNano: "100" }),
      "not a span",
    ];
    const out = decodeTraces(json(jsonRequest(spans)), "json");
    expect(out.total).toBe(8);
    expect(out.spans.map((s) => s.spanId)).toEqual([good.spanId]);
    expect(out.rejected.map((r) => [r.index, r.reason])).toEqual([
      [0, "traceId missing"],
      [1, "spanId missing"],
      [2, "traceId is all zeros"],
      [3, "spanId must be 16 hex characters"],
      [5, "startTimeUnixNano missing or not a positive integer"],
      [6, "endTimeUnixNano is before startTimeUnixNano"],
      [7, "span is not an object"],
    ]);
  });

  it("accepts base64 ids from JSON exporters that use protobuf's generic mapping, with a warning", async () => {
    const hex = "5b8efff798038103d269b633813fc60c";
    const span = jsonSpan({}, { traceId: Buffer.from(hex, "hex").toString("base64"), parentSpanId: "zz" });
    const s = decodeTraces(json(jsonRequest([span])), "json").spans[0];
    expect(s.traceId).toBe(hex);
    expect(s.parentSpanId).toBeUndefined();
    expect(s.warnings).toEqual([
      "traceId was base64; OTLP/JSON requires 32 hex characters",
      "parentSpanId must be 16 hex characters; the span is kept as a root span",
    ]);
  });

  it("answers an undecodable body with a ValidationError (400)", async () => {
    const cases: [Uint8Array, "json" | "protobuf"][] = [
      [Buffer.from("{not json"), "json"],
      [json({ resourceSpans: "nope" }), "json"],
      [json({ resourceSpans: [{ scopeSpans: {} }] }), "json"],
      [json([1, 2]), "json"],
      [Buffer.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]), "protobuf"], // length beyond the buffer
      [Buffer.from([0x0f]), "protobuf"], // field 1 with the invalid wire type 7
      [gzipSync(json(jsonRequest([jsonSpan()]))), "protobuf"], // still gzipped: not protobuf
    ];
    for (const [bytes, enc] of cases) expect(() => decodeTraces(bytes, enc)).toThrow(ValidationError);
  });

  it("reads the pre-1.0 JSON names instrumentationLibrarySpans / instrumentationLibrary", async () => {
    const span = jsonSpan({ "gen_ai.request.model": "m" });
    const old = { resourceSpans: [{ resource: { attributes: [] }, instrumentationLibrarySpans: [{ instrumentationLibrary: { name: "old-lib", version: "0.1" }, spans: [span] }] }] };
    const out = decodeTraces(json(old), "json");
    expect(out.spans).toHaveLength(1);
    expect(out.spans[0].scope).toEqual({ name: "old-lib", version: "0.1" });
  });

  it("treats an empty request as zero spans", async () => {
    expect(decodeTraces(Buffer.alloc(0), "protobuf")).toEqual({ spans: [], rejected: [], total: 0 });
    expect(decodeTraces(json({}), "json")).toEqual({ spans: [], rejected: [], total: 0 });
  });
});

describe("normaliseId", () => {
  it("takes raw bytes and hex, and refuses wrong lengths", async () => {
    expect(normaliseId(Buffer.from("0102030405060708", "hex"), 8)).toEqual({ ok: true, hex: "0102030405060708" });
    expect(normaliseId("0A0B0C0D0E0F1011", 8)).toEqual({ ok: true, hex: "0a0b0c0d0e0f1011" });
    expect(normaliseId(Buffer.alloc(4, 1), 8)).toMatchObject({ ok: false, reason: "invalid" });
    expect(normaliseId(42, 8)).toMatchObject({ ok: false, reason: "invalid" });
  });
});
