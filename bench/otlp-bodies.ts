import { randomBytes } from "node:crypto";
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import { defaultResource, resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { decodeTraces } from "@/lib/otlp/decode";
import { mapSpan } from "@/lib/otlp/map/map-span";
import { IngestBodies, SLOT, type BodySource } from "./ingest-load";

interface Template {
  bytes: Buffer;
  /** Where each span's trace id starts: 4 bytes there become the request number. */
  traceIdAt: number[];
  /** The same positions grouped by trace (random trace ids: one fresh id per trace). */
  traces: number[][];
  traceIds: string[];
  /** Where each fixed64 start/end time sits: shifted to the send time. */
  timeAt: number[];
}

/**
 * OTLP/protobuf export bodies as the OpenTelemetry JS SDK serialises them (agent runs: a server
 * span, two GenAI chat spans with messages, a tool span). A few batches are recorded once; each
 * request patches its own trace ids (unique events) and moves the timestamps to just before
 * sending, like a live BatchSpanProcessor — no per-request serialisation cost on the client.
 */
export class OtlpBodies implements BodySource {
  readonly path = "/api/otlp/v1/traces";
  readonly contentType = "application/x-protobuf";
  private readonly createdAt = Date.now();
  private readonly templates: Template[];
  private readonly spans: ReadableSpan[][];
  private n = 0;

  constructor(
    readonly batchSize: number,
    private readonly runId: number,
    spreadMs = 5_000,
    templates = 4,
    /**
     * Real traffic: every trace gets a fresh random 128-bit id per request, as every SDK makes
     * them. Otherwise (the old shape) 6 leading bytes become the request number and run id, so
     * consecutive requests' trace ids are nearly sequential.
     */
    private readonly randomTraceIds = false,
  ) {
    this.spans = Array.from({ length: templates }, (_, b) => recordSpans(batchSize, b, this.createdAt - spreadMs));
    this.templates = this.spans.map((spans) => locate(Buffer.from(ProtobufTraceSerializer.serializeRequest(spans)!), spans));
  }

  next(sentAt = Date.now()): Buffer {
    const t = this.templates[this.n % this.templates.length];
    const out = Buffer.from(t.bytes);
    const request = ++this.n;
    if (this.randomTraceIds) {
      const fresh = randomBytes(16 * t.traces.length);
      t.traces.forEach((positions, i) => {
        for (const at of positions) fresh.copy(out, at, 16 * i, 16 * i + 16);
      });
    } else {
      for (const at of t.traceIdAt) {
        out.writeUInt32BE(request, at);
        out.writeUInt16BE(this.runId & 0xffff, at + 4);
      }
    }
    const shift = BigInt(sentAt - this.createdAt) * 1_000_000n;
    for (const at of t.timeAt) out.writeBigUInt64LE(out.readBigUInt64LE(at) + shift, at);
    return out;
  }

  /** The native API's bodies for exactly the events the OTLP mapping makes of these spans. */
  nativeBodies(): BodySource {
    if (this.randomTraceIds) return new RandomTraceNativeBodies(this);
    const templates = this.templates.map(({ bytes }) => {
      const events = decodeTraces(bytes, "protobuf").spans.map((s) => {
        const { event } = mapSpan(s);
        return { ...event, id: `${SLOT}-${event.id as string}` };
      });
      return JSON.stringify({ events });
    });
    return new IngestBodies(this.batchSize, this.runId.toString(36), 0, templates);
  }

  get bytesPerEvent(): number {
    return Math.round(this.templates[0].bytes.length / this.batchSize);
  }

  /** The recorded exports (timestamps as recorded) and their trace ids. */
  templateBodies(): { bytes: Buffer; traceIds: string[] }[] {
    return this.templates.map((t) => ({ bytes: t.bytes, traceIds: t.traceIds }));
  }
}

/**
 * The native events of an OTLP template as JSON, with each trace id (which is also part of each
 * event id) replaced per request by a fresh random one: the native side of the real-traffic
 * OTLP comparison.
 */
class RandomTraceNativeBodies implements BodySource {
  readonly path = "/api/v1/ingest";
  readonly contentType = "application/json";
  readonly batchSize: number;
  private readonly parts: { pieces: string[]; traceIds: string[] }[];
  private readonly createdAt = Date.now();
  private n = 0;
  constructor(otlp: OtlpBodies) {
    this.batchSize = otlp.batchSize;
    this.parts = otlp.templateBodies().map(({ bytes, traceIds }) => {
      const events = decodeTraces(bytes, "protobuf").spans.map((s) => mapSpan(s).event);
      return { pieces: JSON.stringify({ events }).split(new RegExp(`(${traceIds.join("|")})`)), traceIds };
    });
  }
  next(sentAt = Date.now()): Buffer {
    const t = this.parts[this.n++ % this.parts.length];
    const fresh = new Map(t.traceIds.map((id) => [id, randomBytes(16).toString("hex")]));
    const shift = sentAt - this.createdAt;
    return Buffer.from(
      t.pieces.map((p) => fresh.get(p) ?? p).join("").replace(/"timestamp":([\d.]+)/g, (_, ts: string) => `"timestamp":${Number(ts) + shift}`),
    );
  }
  get bytesPerEvent(): number {
    return Math.round(Buffer.byteLength(this.next()) / this.batchSize);
  }
}

function locate(bytes: Buffer, spans: ReadableSpan[]): Template {
  const traceIdAt = new Set<number>();
  const timeAt = new Set<number>();
  const all = (needle: Buffer, into: Set<number>) => {
    for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) into.add(at);
  };
  const traceIds = [...new Set(spans.map((s) => s.spanContext().traceId))];
  const traces = traceIds.map((traceId) => {
    const positions = new Set<number>();
    all(Buffer.from(traceId, "hex"), positions);
    for (const at of positions) traceIdAt.add(at);
    return [...positions];
  });
  const ns = (t: [number, number]) => {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(t[0]) * 1_000_000_000n + BigInt(t[1]));
    return b;
  };
  for (const s of spans) {
    all(ns(s.startTime), timeAt);
    all(ns(s.endTime), timeAt);
  }
  return { bytes, traceIdAt: [...traceIdAt], traces, traceIds, timeAt: [...timeAt] };
}

/** A batch of agent runs: server span → two chat calls (GenAI attributes, messages) → a tool call. */
export function recordSpans(count: number, batch: number, baseMs = Date.now() - 3_600_000 + batch * 1000): ReadableSpan[] {
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    // What every SDK sends at least (telemetry.sdk.*), plus the usual service attributes.
    resource: defaultResource().merge(
      resourceFromAttributes({ "service.name": "bench-app", "service.version": "1.0.0", "deployment.environment.name": "production" }),
    ),
    spanProcessors: [new SimpleSpanProcessor(memory)],
  });
  const tracer = provider.getTracer("bench", "1.0.0");
  const hr = (ms: number): [number, number] => [Math.floor((baseMs + ms) / 1000), Math.round(((baseMs + ms) % 1000) * 1e6)];
  for (let i = 0; memory.getFinishedSpans().length < count; i++) {
    const root = tracer.startSpan("POST /chat", { kind: SpanKind.SERVER, startTime: hr(i), attributes: { "http.request.method": "POST", "http.route": "/chat", "user.id": `user-${i % 97}` } });
    const ctx = trace.setSpan(ROOT_CONTEXT, root);
    for (let c = 0; c < 2 && memory.getFinishedSpans().length < count - 1; c++) {
      const chat = tracer.startSpan("chat gpt-4o-mini", {
        kind: SpanKind.CLIENT,
        startTime: hr(i + 0.1 + c * 0.3),
        attributes: {
          "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.request.model": "gpt-4o-mini",
          "gen_ai.response.model": "gpt-4o-mini-2024-07-18", "gen_ai.response.id": `chatcmpl-${batch}-${i}-${c}`,
          "gen_ai.request.temperature": 0.2, "gen_ai.usage.input_tokens": 400 + (i % 50), "gen_ai.usage.output_tokens": 80 + (i % 20),
          "gen_ai.input.messages": JSON.stringify([{ role: "user", parts: [{ type: "text", content: `Question ${i}: ${"lorem ipsum ".repeat(30)}` }] }]),
          "gen_ai.output.messages": JSON.stringify([{ role: "assistant", parts: [{ type: "text", content: `Answer ${i}: ${"dolor sit ".repeat(15)}` }], finish_reason: "stop" }]),
          "sightline.prompt.id": "support-answer", "sightline.prompt.version": 1 + (i % 3), "session.id": `sess-${i % 31}`,
        },
      }, ctx);
      chat.end(hr(i + 0.25 + c * 0.3));
    }
    if (memory.getFinishedSpans().length < count - 1) {
      const tool = tracer.startSpan("execute_tool search", { startTime: hr(i + 0.7), attributes: { "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "search" } }, ctx);
      if (i % 10 === 0) tool.setStatus({ code: SpanStatusCode.ERROR, message: "search timed out" });
      tool.end(hr(i + 0.8));
    }
    root.end(hr(i + 0.9));
  }
  return memory.getFinishedSpans().slice(0, count);
}
