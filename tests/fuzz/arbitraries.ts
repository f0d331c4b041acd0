import { gzipSync } from "node:zlib";
import fc from "fast-check";

/**
 * Generators of hostile input for the fuzz suites. Values JSON cannot express (NaN, 1e999,
 * 17,000-level nesting — which JSON.stringify itself cannot build) travel as markers inside
 * strings and are spliced into the body text by `render`.
 */
const MARK = "\u00a7FUZZ\u00a7"; // not escaped by JSON.stringify, never produced by the string generators in practice
const marker = (kind: string, arg: string | number) => `${MARK}${kind}:${arg}${MARK}`;
const MARKER = new RegExp(`"${MARK}(\\w+):([^\u00a7]*)${MARK}"`, "g");

/** JSON text with markers replaced by what they stand for. */
export function render(value: unknown): string {
  return JSON.stringify(value).replace(MARKER, (_, kind: string, arg: string) => {
    if (kind === "num") return arg; // NaN, Infinity, 1e999, -0 … as bare tokens
    if (kind === "deep") return '{"a":'.repeat(Number(arg)) + "1" + "}".repeat(Number(arg));
    if (kind === "deeparr") return "[".repeat(Number(arg)) + "]".repeat(Number(arg));
    if (kind === "big") return JSON.stringify("x".repeat(Number(arg)));
    if (kind === "deepkv") {
      const n = Number(arg);
      return '{"kvlistValue":{"values":[{"key":"k","value":'.repeat(n) + '{"stringValue":"leaf"}' + "}]}}".repeat(n);
    }
    return "null";
  });
}

export const oddNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, -1, 0.5, 1e6 + 1, 1e9 + 1, 86_400_001, Number.MAX_SAFE_INTEGER + 2, -Number.MAX_VALUE, 5e-324),
  fc.constantFrom("NaN", "Infinity", "-Infinity", "1e999", "-1e999", "1E400", "-0", "0x10", "01", "1.", ".5").map((n) => marker("num", n)),
);

export const oddText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  // Lone surrogates and every other code unit.
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom("", " ", ".", "..", "/", "a/b", "%", "%2F", "?x=1", "#", "\u0000", "\ud800", "\udfff", "null", "true", "llm", "ok", "error", "😀", "e\u0301"),
  },
  // Strings around and past every size limit (rarely: they are slow to send).
  { weight: 1, arbitrary: fc.constantFrom(129, 201, 257, 501, 10_001, 16_385, 65_537, 1_048_577, 2_100_000).map((n) => marker("big", n)) },
);

export const oddTimestamp: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: -1e15, max: 1e16 }),
  fc.constantFrom(Date.now(), Date.now() - 59_000, Date.now() - 61_000, Date.now() + 86_400_000 - 1000, Date.now() + 2 * 86_400_000, Date.UTC(2000, 0, 1), Date.UTC(1999, 11, 31)),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom("2026-02-30T00:00:00Z", "2026-13-01", "2026-01-01T25:00:00Z", "+275760-09-13T00:00:00.000Z", "2026-01-01T00:00:00+14:00", "2026-01-01", "yesterday", "1700000000000", ""),
);

/** Odd values without the huge or deep ones (for generators that draw hundreds of values per request). */
export const smallOddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 10 }),
  oddNumber,
  oddTimestamp,
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(null, true, [], {}),
);

/** Values of the wrong type, deep or huge: what any field might receive. */
export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: oddText },
  { weight: 2, arbitrary: oddNumber },
  { weight: 1, arbitrary: oddTimestamp },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [{}], [{ role: "user" }], [{ role: "user", content: null }]) },
  { weight: 1, arbitrary: fc.constantFrom(31, 32, 33, 100, 3_000, 17_000, 60_000).map((n) => marker("deep", n)) },
  { weight: 1, arbitrary: fc.constantFrom(33, 17_000).map((n) => marker("deeparr", n)) },
);

/** Ids: fresh (UUIDs), a small shared pool (duplicates across requests), or odd text. */
export const eventId: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.uuid() },
  { weight: 2, arbitrary: fc.constantFrom("dup-1", "dup-2", "dup-3") },
  { weight: 2, arbitrary: oddText },
  { weight: 1, arbitrary: oddValue },
);

const FIELDS = [
  "id", "type", "timestamp", "model", "modelVersion", "environment", "userId", "sessionId", "traceId", "spanId", "parentSpanId",
  "tags", "metadata", "promptId", "promptVersion", "latencyMs", "inputTokens", "outputTokens", "costUsd", "status",
  "errorMessage", "input", "output", "context", "hallucination", "features", "prediction", "score", "name", "targetId",
  "label", "value", "feature", "attributions",
];

const validEvent = fc.oneof(
  fc.record({
    type: fc.constant("llm"), model: fc.constantFrom("gpt-4o", "claude", "m"), latencyMs: fc.integer({ min: 0, max: 60_000 }),
    inputTokens: fc.nat(5000), outputTokens: fc.nat(5000), promptId: fc.constantFrom("p1", "p2"), promptVersion: fc.integer({ min: 1, max: 3 }),
    input: fc.oneof(fc.string(), fc.constant([{ role: "user", content: "hi" }])), output: fc.string(), traceId: fc.stringMatching(/^[0-9a-f]{32}$/),
    userId: fc.constantFrom("u1", "u2"), sessionId: fc.string({ minLength: 1, maxLength: 8 }), metadata: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
  }, { requiredKeys: ["type", "model", "latencyMs"] }),
  fc.record({
    type: fc.constant("prediction"), model: fc.constantFrom("fraud", "churn"), prediction: fc.oneof(fc.integer(), fc.string({ maxLength: 10 })),
    score: fc.double({ min: 0, max: 1, noNaN: true }), features: fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null)), { maxKeys: 4 }),
  }, { requiredKeys: ["type", "model", "prediction"] }),
  fc.record({ type: fc.constant("span"), name: fc.string({ minLength: 1, maxLength: 30 }), traceId: fc.constantFrom("t1", "t2") }),
  fc.record({ type: fc.constant("label"), model: fc.constant("fraud"), targetId: fc.constantFrom("dup-1", "x"), label: fc.oneof(fc.integer(), fc.string({ maxLength: 10 })) }),
  fc.record({ type: fc.constant("metric"), model: fc.constant("fraud"), name: fc.constant("drift.psi"), value: fc.double({ noNaN: true, noDefaultInfinity: true }) }),
);

/** An event: a valid one of some type, then up to three fields set to odd values, removed, or added unknown. */
export const fuzzEvent: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(validEvent, eventId, fc.array(fc.tuple(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 10 })), fc.option(oddValue, { freq: 6 })), { maxLength: 3 })).map(([e, id, edits]) => {
    const out: Record<string, unknown> = { ...e, id };
    for (const [k, v] of edits) {
      if (v === null) delete out[k];
      else out[k] = v;
    }
    return out;
  }) },
  { weight: 1, arbitrary: oddValue },
);

export interface WireRequest {
  contentType: string | null;
  encoding: string | null;
  body: Buffer;
}

/** How a body goes on the wire: content types and encodings, right and wrong, gzip whole or truncated. */
export function wire(body: fc.Arbitrary<Buffer>, contentTypes: string[]): fc.Arbitrary<WireRequest> {
  return fc.record({
    body,
    contentType: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...contentTypes) }, { weight: 2, arbitrary: fc.constantFrom(null, "", "text/plain", "application/json; charset=latin1", "APPLICATION/JSON", "multipart/form-data; boundary=x", "application/x-protobuf", "application/json;;", "*/*") }),
    encoding: fc.oneof({ weight: 8, arbitrary: fc.constant(null) }, { weight: 3, arbitrary: fc.constant("gzip") }, { weight: 1, arbitrary: fc.constantFrom("identity", "GZIP", "br", "deflate", "gzip, gzip", "", "x-gzip") }),
    gzipCut: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) }),
  }).map(({ body: raw, contentType, encoding, gzipCut }) => {
    if (encoding?.trim().toLowerCase() !== "gzip") return { contentType, encoding, body: raw };
    const zipped = gzipSync(raw);
    // Truncated gzip: a stream cut anywhere, including mid-header.
    return { contentType, encoding, body: gzipCut === null ? zipped : zipped.subarray(0, Math.floor(zipped.length * gzipCut)) };
  });
}

/** Raw bytes that are not valid UTF-8 (or JSON) at all. */
export const rawBytes: fc.Arbitrary<Buffer> = fc.oneof(
  fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
  fc.constantFrom(Buffer.from([0xff, 0xfe]), Buffer.from('{"events":[{"id":"\xc3\x28"}]}', "latin1"), Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80]), Buffer.alloc(0)),
  fc.string().map((s) => Buffer.from(s.slice(0, Math.floor(s.length / 2)))),
);

/** An OTLP AnyValue: well-formed (nested a few levels), of the wrong type, deep, or huge. */
export const anyValue: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({ stringValue: fc.string({ maxLength: 30 }) }),
    fc.record({ intValue: fc.oneof(fc.integer(), fc.bigInt().map(String), fc.constantFrom("abc", "1e3", "-0", "9223372036854775808")) }),
    fc.record({ doubleValue: fc.oneof(fc.double(), fc.constantFrom("NaN", "Infinity", "-Infinity", "1.5", "x")) }),
    fc.record({ boolValue: fc.oneof(fc.boolean(), fc.constant("yes")) }),
    fc.record({ bytesValue: fc.oneof(fc.base64String({ maxLength: 24 }), fc.constant("%%%")) }),
    fc.record({ arrayValue: fc.record({ values: fc.array(tie("v"), { maxLength: 3 }) }) }),
    fc.record({ kvlistValue: fc.record({ values: fc.array(fc.record({ key: fc.string({ maxLength: 12 }), value: tie("v") }), { maxLength: 3 }) }) }),
    fc.constantFrom({}, null, 5, "bare", [], { stringValue: null }),
  ),
})).v;

/** One hostile AnyValue per request at most (drawn per request, not per attribute: they are large). */
const hostileAnyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(20, 1_000, 17_000).map((n) => marker("deepkv", n)),
  fc.constantFrom(1_048_576, 1_048_577, 4_200_000).map((n) => ({ stringValue: marker("big", n) })),
  fc.constantFrom(33, 17_000).map((n) => marker("deep", n)),
);

const hex = (n: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${n}}$`));
const nowNs = () => BigInt(Date.now() - 60_000) * 1_000_000n;

const otlpAttributes = fc.array(fc.record({ key: fc.oneof(fc.constantFrom("gen_ai.request.model", "gen_ai.operation.name", "gen_ai.usage.input_tokens", "gen_ai.prompt.0.content", "gen_ai.completion.0.content", "llm.model_name", "input.value", "ai.model.id", "service.name", "session.id", "user.id", ""), fc.string({ maxLength: 12 })), value: anyValue }), { maxLength: 5 });

/** An OTLP/JSON span: a plausible one, with odd ids, times, kinds, statuses and attributes mixed in. */
export const otlpSpan: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 10, arbitrary: fc.record({
    traceId: fc.oneof({ weight: 6, arbitrary: hex(32) }, { weight: 1, arbitrary: fc.oneof(hex(31), hex(30), fc.constant("0".repeat(32)), fc.constant("ZZ"), fc.string({ maxLength: 20 })) }),
    spanId: fc.oneof({ weight: 6, arbitrary: hex(16) }, { weight: 1, arbitrary: fc.oneof(hex(15), fc.constant("0".repeat(16)), fc.string({ maxLength: 20 })) }),
    parentSpanId: fc.option(fc.oneof(hex(16), fc.string({ maxLength: 20 })), { freq: 2 }),
    name: fc.oneof(fc.string({ maxLength: 20 }), smallOddValue),
    kind: fc.oneof(fc.integer({ min: -1, max: 7 }), fc.constantFrom("SPAN_KIND_SERVER", "bogus")),
    startTimeUnixNano: fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: smallOddValue }, { weight: 1, arbitrary: fc.bigInt({ min: -1n, max: 1n << 64n }).map(String) }),
    durationNs: fc.oneof(fc.bigInt({ min: 0n, max: 10_000_000_000n }), fc.constant(-5n)),
    attributes: otlpAttributes,
    events: fc.array(fc.record({ name: fc.oneof(fc.constantFrom("exception", "gen_ai.choice"), fc.string({ maxLength: 8 })), timeUnixNano: fc.oneof(fc.constant("1"), smallOddValue), attributes: otlpAttributes }), { maxLength: 2 }),
    links: fc.array(fc.record({ traceId: hex(32), spanId: hex(16), attributes: otlpAttributes }), { maxLength: 1 }),
    status: fc.oneof(fc.constant({}), fc.record({ code: fc.oneof(fc.integer({ min: -1, max: 3 }), fc.constant("STATUS_CODE_ERROR")), message: fc.oneof(fc.string({ maxLength: 20 }), smallOddValue) })),
  }).map(({ startTimeUnixNano, durationNs, ...span }) => {
    const start = startTimeUnixNano ?? nowNs().toString();
    const end = typeof start === "string" && /^\d+$/.test(start) ? (BigInt(start) + durationNs).toString() : start;
    return { ...span, startTimeUnixNano: start, endTimeUnixNano: end };
  }) },
  { weight: 1, arbitrary: smallOddValue },
);

export const otlpRequest: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(fc.array(fc.record({
    resource: fc.oneof(fc.record({ attributes: otlpAttributes }), smallOddValue),
    scopeSpans: fc.array(fc.record({ scope: fc.oneof(fc.record({ name: fc.string({ maxLength: 10 }), version: fc.string({ maxLength: 5 }), attributes: otlpAttributes }), smallOddValue), spans: fc.array(otlpSpan, { maxLength: 5 }) }), { minLength: 1, maxLength: 2 }),
  }), { minLength: 1, maxLength: 2 }), fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.tuple(fc.constantFrom("resource", "scope", "span", "event"), hostileAnyValue) })).map(([resourceSpans, hostile]) => {
    if (hostile) plant(resourceSpans, hostile[0], hostile[1]);
    return { resourceSpans };
  }) },
  { weight: 1, arbitrary: fc.oneof(smallOddValue, fc.constant({ resourceSpans: {} }), fc.constant({ resourceSpans: [null] }), fc.constant({ resourceSpans: [{ scopeSpans: [{ spans: {} }] }] })) },
);

/** Puts one hostile attribute where `where` says, if the generated export has such a place. */
function plant(resourceSpans: Record<string, unknown>[], where: string, value: unknown) {
  const attr = { key: "hostile", value };
  const rs = resourceSpans[0];
  const resource = rs.resource as { attributes?: unknown[] } | undefined;
  const scopeSpans = rs.scopeSpans as { scope?: { attributes?: unknown[] }; spans: { attributes?: unknown[]; events?: { attributes: unknown[] }[] }[] }[];
  const span = scopeSpans[0].spans.find((s) => typeof s === "object" && s !== null && Array.isArray(s.attributes));
  if (where === "resource" && resource && Array.isArray(resource.attributes)) resource.attributes.push(attr);
  else if (where === "scope" && Array.isArray(scopeSpans[0].scope?.attributes)) scopeSpans[0].scope!.attributes!.push(attr);
  else if (where === "event" && span?.events?.length) span.events[0].attributes.push(attr);
  else span?.attributes?.push(attr);
}
