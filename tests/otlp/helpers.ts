import fs from "node:fs";
import path from "node:path";
import generated from "@opentelemetry/otlp-transformer/build/src/generated/root";

export const FIXTURES = path.join(__dirname, "fixtures");

export function fixtureNames(): string[] {
  return fs.readdirSync(FIXTURES).filter((f) => f.endsWith(".otlp.json")).map((f) => f.replace(/\.otlp\.json$/, "")).sort();
}

export function loadFixture(name: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.otlp.json`), "utf8"));
}

type Proto = { fromObject(o: object): object; encode(m: object): { finish(): Uint8Array } };
const requestType = (generated as unknown as { opentelemetry: { proto: { collector: { trace: { v1: { ExportTraceServiceRequest: Proto } } } } } })
  .opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;

/** OTLP/JSON → the protobuf bytes an exporter would send for the same data (hex ids → bytes). */
export function jsonToProtobuf(request: unknown): Uint8Array {
  const withBytes = JSON.parse(JSON.stringify(request), (key, value) =>
    (key === "traceId" || key === "spanId" || key === "parentSpanId") && typeof value === "string" && value !== ""
      ? Buffer.from(value, "hex").toString("base64")
      : value,
  );
  return requestType.encode(requestType.fromObject(withBytes)).finish();
}

type Scalar = string | number | boolean;
type Value = Scalar | Value[] | { [k: string]: Value };

/** OTLP/JSON AnyValue for a JS value (integers as intValue strings, as exporters write them). */
export function anyValue(v: Value): object {
  if (typeof v === "string") return { stringValue: v };
  if (typeof v === "boolean") return { boolValue: v };
  if (typeof v === "number") return Number.isInteger(v) ? { intValue: String(v) } : { doubleValue: v };
  if (Array.isArray(v)) return { arrayValue: { values: v.map(anyValue) } };
  return { kvlistValue: { values: Object.entries(v).map(([key, x]) => ({ key, value: anyValue(x) })) } };
}

export function attributes(a: Record<string, Value>) {
  return Object.entries(a).map(([key, value]) => ({ key, value: anyValue(value) }));
}

let counter = 0;
const NOW_NS = BigInt(Date.now() - 60_000) * 1_000_000n;

/** One OTLP/JSON span with fresh ids, started a minute ago, lasting `durationMs`. */
export function jsonSpan(attrs: Record<string, Value> = {}, over: Record<string, unknown> = {}, durationMs = 250) {
  counter++;
  const traceId = (over.traceId as string) ?? `${process.pid.toString(16).padStart(8, "0")}${Date.now().toString(16).padStart(16, "0")}${counter.toString(16).padStart(8, "0")}`.slice(-32);
  return {
    traceId,
    spanId: counter.toString(16).padStart(16, "a"),
    name: "span",
    kind: 1,
    startTimeUnixNano: NOW_NS.toString(),
    endTimeUnixNano: (NOW_NS + BigInt(Math.round(durationMs * 1e6))).toString(),
    attributes: attributes(attrs),
    status: {},
    ...over,
  };
}

export function jsonRequest(spans: unknown[], resource: Record<string, Value> = { "service.name": "test" }) {
  return { resourceSpans: [{ resource: { attributes: attributes(resource) }, scopeSpans: [{ scope: { name: "test" }, spans }] }] };
}
