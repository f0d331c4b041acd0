import http from "node:http";
import { gzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as otlpRoute from "@/app/api/otlp/v1/traces/route";
import * as eventRoute from "@/app/api/v1/events/[id]/route";
import { exportsInProgress } from "@/lib/otlp/limits";
import { ExportTraceServiceResponse, REQUEST_INFO_TYPE_URL, RpcRequestInfo, RpcStatus } from "@/lib/otlp/proto";
import { freshDb, makeProject, type TestProject } from "@/tests/helpers/db";
import { get } from "@/tests/helpers/ingest-client";
import { holdWriteLock, sqlRows } from "@/tests/helpers/sql";
import { startRouteServer, type RouteServer } from "@/tests/helpers/route-server";
import type { Db } from "@/db/client";
import { jsonRequest, jsonSpan, jsonToProtobuf } from "./helpers";

const PATH = "/api/otlp/v1/traces";
let server: RouteServer;
let db: Db;
let project: TestProject;

beforeAll(async () => {
  server = await startRouteServer({ [PATH]: otlpRoute, "/api/v1/events/[id]": eventRoute });
});
afterAll(() => server.close());
beforeEach(async () => {
  db = await freshDb();
  project = await makeProject(db);
});
afterEach(() => {
  delete process.env.SIGHTLINE_OTLP_MAX_BODY_BYTES;
  delete process.env.SIGHTLINE_OTLP_MAX_CONCURRENT;
});

type Enc = "protobuf" | "json";
const TYPES: Record<Enc, string> = { protobuf: "application/x-protobuf", json: "application/json" };

function bodyOf(request: object, enc: Enc): Buffer {
  return enc === "protobuf" ? Buffer.from(jsonToProtobuf(request)) : Buffer.from(JSON.stringify(request));
}

async function send(body: Buffer | string, opts: { type?: string; key?: string | null; gzip?: boolean; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { "content-type": opts.type ?? TYPES.protobuf, ...opts.headers };
  const key = opts.key === undefined ? project.key : opts.key;
  if (key) headers.authorization = `Bearer ${key}`;
  let payload = typeof body === "string" ? Buffer.from(body) : body;
  if (opts.gzip) {
    payload = gzipSync(payload);
    headers["content-encoding"] = "gzip";
  }
  const res = await fetch(`${server.url}${PATH}`, { method: "POST", headers, body: new Uint8Array(payload) });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

function exportResult(res: { headers: Headers; bytes: Buffer }) {
  if (res.headers.get("content-type") === TYPES.protobuf) {
    return ExportTraceServiceResponse.decode(res.bytes) as { partialSuccess?: { rejectedSpans: unknown; errorMessage: string } | null };
  }
  return JSON.parse(res.bytes.toString()) as { partialSuccess?: { rejectedSpans: number; errorMessage: string } };
}

function rpcStatus(bytes: Buffer) {
  const s = RpcStatus.toObject(RpcStatus.decode(bytes)) as { code: number; message: string; details: { type_url: string; value: Uint8Array }[] };
  const info = s.details?.find((d) => d.type_url === REQUEST_INFO_TYPE_URL);
  return { ...s, requestId: info ? (RpcRequestInfo.toObject(RpcRequestInfo.decode(info.value)) as { request_id: string }).request_id : undefined };
}

const eventCount = async () => (await sqlRows(db, "SELECT count(*) AS n FROM event WHERE project_id = ?", project.projectId))[0].n as number;

describe.each(["protobuf", "json"] as Enc[])("POST /api/otlp/v1/traces (%s)", (enc) => {
  it("stores the spans and answers 200 with an empty ExportTraceServiceResponse in the same encoding", async () => {
    const llm = jsonSpan({ "gen_ai.operation.name": "chat", "gen_ai.request.model": "gpt-4o-mini", "gen_ai.usage.input_tokens": 10, "gen_ai.usage.output_tokens": 3 });
    const plain = jsonSpan({ "http.route": "/" }, { traceId: llm.traceId, parentSpanId: undefined, name: "GET /" });
    const res = await send(bodyOf(jsonRequest([llm, plain]), enc), { type: TYPES[enc] });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(TYPES[enc]);
    const result = exportResult(res);
    expect(result.partialSuccess ?? undefined).toBeUndefined();
    expect(await eventCount()).toBe(2);
    const stored = await get(server.url, `/api/v1/events/${encodeURIComponent(`${llm.traceId}:${llm.spanId}`)}`, project.key);
    expect(stored.json).toMatchObject({ type: "llm", model: "gpt-4o-mini", inputTokens: 10, outputTokens: 3, traceId: llm.traceId, otel: { mapped: { model: "gen_ai.request.model" } } });
  });

  it("rejects spans with missing ids one by one in partialSuccess and stores the others", async () => {
    const good = jsonSpan({ "gen_ai.request.model": "m" });
    const noTrace = jsonSpan({}, { traceId: "" });
    const noSpan = jsonSpan({}, { spanId: undefined });
    const res = await send(bodyOf(jsonRequest([noTrace, good, noSpan]), enc), { type: TYPES[enc] });
    expect(res.status).toBe(200);
    const { partialSuccess } = exportResult(res);
    expect(Number(partialSuccess!.rejectedSpans)).toBe(2);
    expect(partialSuccess!.errorMessage).toMatch(/^2 of 3 spans rejected: /);
    expect(partialSuccess!.errorMessage).toContain("traceId missing");
    expect(partialSuccess!.errorMessage).toContain("spanId missing");
    expect(await eventCount()).toBe(1);
  });

  it("rejects a span the event schema refuses (a start time in 1970) without failing the batch", async () => {
    const old = jsonSpan({ "gen_ai.request.model": "m" }, { startTimeUnixNano: "1000000000", endTimeUnixNano: "2000000000" });
    const res = await send(bodyOf(jsonRequest([old, jsonSpan()]), enc), { type: TYPES[enc] });
    const { partialSuccess } = exportResult(res);
    expect(Number(partialSuccess!.rejectedSpans)).toBe(1);
    expect(partialSuccess!.errorMessage).toContain(`span ${old.spanId} of trace ${old.traceId}: timestamp`);
    expect(await eventCount()).toBe(1);
  });

  it("treats a re-export of the same spans as success without storing them twice", async () => {
    const body = bodyOf(jsonRequest([jsonSpan({ "gen_ai.request.model": "m" }), jsonSpan()]), enc);
    expect((await send(body, { type: TYPES[enc] })).status).toBe(200);
    const again = await send(body, { type: TYPES[enc] });
    expect(again.status).toBe(200);
    expect(exportResult(again).partialSuccess ?? undefined).toBeUndefined();
    expect(await eventCount()).toBe(2);
  });

  it("accepts gzip, and answers truncated gzip with 400", async () => {
    const body = bodyOf(jsonRequest([jsonSpan()]), enc);
    expect((await send(body, { type: TYPES[enc], gzip: true })).status).toBe(200);
    const zipped = gzipSync(bodyOf(jsonRequest([jsonSpan()]), enc));
    const truncated = await send(zipped.subarray(0, zipped.length - 10), { type: TYPES[enc], headers: { "content-encoding": "gzip" } });
    expect(truncated.status).toBe(400);
  });

  it("answers 401 without a key and 403 for a key without the ingest scope", async () => {
    const body = bodyOf(jsonRequest([jsonSpan()]), enc);
    expect((await send(body, { type: TYPES[enc], key: null })).status).toBe(401);
    const reader = await makeProject(db, ["read"]);
    expect((await send(body, { type: TYPES[enc], key: reader.key })).status).toBe(403);
    expect(await eventCount()).toBe(0);
  });

  it("answers 413 past the body limit", async () => {
    process.env.SIGHTLINE_OTLP_MAX_BODY_BYTES = "512";
    const big = bodyOf(jsonRequest([jsonSpan({ blob: "x".repeat(2000) })]), enc);
    expect((await send(big, { type: TYPES[enc] })).status).toBe(413);
    expect((await send(big, { type: TYPES[enc], gzip: true })).status).toBe(413); // small on the wire, large inflated
  });
});

describe("large exports", () => {
  it("stores an export of 2500 spans and reports a refused span deep in it by its ids", async () => {
    const spans = Array.from({ length: 2500 }, () => jsonSpan());
    const bad = jsonSpan({}, { startTimeUnixNano: "1000", endTimeUnixNano: "2000" });
    spans.splice(2200, 0, bad);
    const res = await send(bodyOf(jsonRequest(spans), "protobuf"));
    expect(res.status).toBe(200);
    const { partialSuccess } = exportResult(res);
    expect(Number(partialSuccess!.rejectedSpans)).toBe(1);
    expect(partialSuccess!.errorMessage).toContain(`span ${bad.spanId} of trace ${bad.traceId}`);
    expect(await eventCount()).toBe(2500);
  });
});

describe("error bodies", () => {
  it("are google.rpc.Status in protobuf for protobuf requests, with the request id", async () => {
    const res = await send(Buffer.from([0x0a, 0xff, 0xff, 0x0f]), { headers: { "x-request-id": "req-123" } });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe(TYPES.protobuf);
    const status = rpcStatus(res.bytes);
    expect(status.code).toBe(3); // INVALID_ARGUMENT
    expect(status.message).toMatch(/^Body is not a valid protobuf ExportTraceServiceRequest/);
    expect(status.requestId).toBe("req-123");

    const unauth = await send(bodyOf(jsonRequest([jsonSpan()]), "protobuf"), { key: "sl_wrong" });
    expect(unauth.status).toBe(401);
    expect(rpcStatus(unauth.bytes).code).toBe(16); // UNAUTHENTICATED
  });

  it("are Sightline's JSON error shape for JSON requests", async () => {
    const res = await send("{not json", { type: TYPES.json });
    expect(res.status).toBe(400);
    const body = JSON.parse(res.bytes.toString());
    expect(body.error).toMatchObject({ code: "invalid_request", message: "Body is not valid JSON" });
    expect(body.error.requestId).toBeTruthy();
    const envelope = await send(JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: {} }] }] }), { type: TYPES.json });
    expect(envelope.status).toBe(400);
    expect(JSON.parse(envelope.bytes.toString()).error.details[0].path).toBe("resourceSpans.0.scopeSpans.0.spans");
  });

  it("answer other content types with 415", async () => {
    for (const type of ["text/plain", "application/protobuf", "application/x-www-form-urlencoded"]) {
      const res = await send(Buffer.from("x"), { type });
      expect(res.status).toBe(415);
      expect(JSON.parse(res.bytes.toString()).error.code).toBe("unsupported_media_type");
    }
  });
});

describe("back-pressure", () => {
  it("answers 429 with Retry-After when too many exports are in progress", async () => {
    process.env.SIGHTLINE_OTLP_MAX_CONCURRENT = "1";
    const { port } = new URL(server.url);
    // A first export whose body has not finished arriving holds the only slot.
    const slow = http.request({ host: "127.0.0.1", port, path: PATH, method: "POST", headers: { "content-type": TYPES.json, authorization: `Bearer ${project.key}`, "transfer-encoding": "chunked" } });
    const slowDone = new Promise<number>((resolve) => slow.on("response", (r) => { r.resume(); resolve(r.statusCode!); }));
    slow.write('{"resourceSpans":');
    for (let waited = 0; exportsInProgress() < 1; waited += 10) {
      if (waited > 10_000) throw new Error("the slow export never started");
      await new Promise((r) => setTimeout(r, 10));
    }
    const res = await send(bodyOf(jsonRequest([jsonSpan()]), "protobuf"));
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("1");
    expect(rpcStatus(res.bytes).code).toBe(8); // RESOURCE_EXHAUSTED
    slow.end("[]}");
    expect(await slowDone).toBe(200);
    expect((await send(bodyOf(jsonRequest([jsonSpan()]), "protobuf"))).status).toBe(200);
  });

  it("answers 503 with Retry-After when the database stays locked", async () => {
    process.env.SIGHTLINE_SQLITE_BUSY_TIMEOUT_MS = "50";
    process.env.SIGHTLINE_PG_LOCK_TIMEOUT_MS = "50";
    db = await freshDb();
    project = await makeProject(db);
    expect((await send(bodyOf(jsonRequest([jsonSpan()]), "json"), { type: TYPES.json })).status).toBe(200); // caches the key
    const release = await holdWriteLock();
    try {
      const res = await send(bodyOf(jsonRequest([jsonSpan()]), "json"), { type: TYPES.json });
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("1");
      expect(JSON.parse(res.bytes.toString()).error.code).toBe("unavailable");
    } finally {
      await release();
      delete process.env.SIGHTLINE_SQLITE_BUSY_TIMEOUT_MS;
      delete process.env.SIGHTLINE_PG_LOCK_TIMEOUT_MS;
    }
  });
});

describe("robustness", () => {
  it("never answers 5xx to corrupted protobuf or JSON", async () => {
    const spans = [jsonSpan({ "gen_ai.request.model": "m", "gen_ai.input.messages": "[{\"role\":\"user\",\"parts\":[]}]" }, { events: [{ name: "gen_ai.choice", attributes: [{ key: "message", value: { stringValue: "{}" } }] }] }), jsonSpan()];
    const proto = Buffer.from(jsonToProtobuf(jsonRequest(spans)));
    const text = Buffer.from(JSON.stringify(jsonRequest(spans)));
    let seed = 42;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const statuses = new Set<number>();
    for (let i = 0; i < 150; i++) {
      const [base, type] = i % 2 ? [text, TYPES.json] : [proto, TYPES.protobuf];
      const bytes = Buffer.from(base);
      for (let k = 0; k < 1 + rand(4); k++) bytes[rand(bytes.length)] = rand(256);
      const cut = i % 5 === 0 ? bytes.subarray(0, rand(bytes.length)) : bytes;
      const res = await send(cut, { type });
      statuses.add(res.status);
      expect(res.status, `case ${i}`).toBeLessThan(500);
    }
    expect([...statuses].every((s) => s === 200 || s === 400)).toBe(true);
  });
});
