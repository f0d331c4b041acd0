import { sqliteOf } from "@/db/driver";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as otlpRoute from "@/app/api/otlp/v1/traces/route";
import { MAX_ATTRIBUTE_VALUE_CHARS, MAX_RESOURCE_CHARS, MAX_SPAN_CHARS } from "@/lib/otlp/span-limits";
import { freshDb, makeProject, type TestProject } from "@/tests/helpers/db";
import { startRouteServer, type RouteServer } from "@/tests/helpers/route-server";
import type { Db } from "@/db/client";
import { jsonRequest, jsonSpan, jsonToProtobuf } from "@/tests/otlp/helpers";

const PATH = "/api/otlp/v1/traces";
let server: RouteServer;
let db: Db;
let project: TestProject;

beforeAll(async () => {
  server = await startRouteServer({ [PATH]: otlpRoute });
});
afterAll(() => server.close());
beforeEach(async () => {
  db = await freshDb();
  project = await makeProject(db);
});

async function sendJson(request: object | string) {
  const res = await fetch(`${server.url}${PATH}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${project.key}` },
    body: typeof request === "string" ? request : JSON.stringify(request),
  });
  return { status: res.status, json: (await res.json()) as { partialSuccess?: { rejectedSpans: number; errorMessage: string } } };
}
const stored = () => (sqliteOf(db).prepare("SELECT client_id FROM event ORDER BY client_id").all() as { client_id: string }[]).map((r) => r.client_id);

describe("OTLP limits: a span over a limit is rejected on its own", () => {
  it("rejects a span with an attribute value over the limit and stores its neighbours", async () => {
    const ok = jsonSpan({ "gen_ai.request.model": "m" });
    const atLimit = jsonSpan({ note: "x".repeat(MAX_ATTRIBUTE_VALUE_CHARS) });
    const over = jsonSpan({ note: "x".repeat(MAX_ATTRIBUTE_VALUE_CHARS + 1) });
    const res = await sendJson(jsonRequest([ok, atLimit, over]));
    expect(res.status).toBe(200);
    expect(res.json.partialSuccess?.rejectedSpans).toBe(1);
    expect(res.json.partialSuccess?.errorMessage).toContain(`span ${over.spanId}`);
    expect(res.json.partialSuccess?.errorMessage).toContain("attributes.note is");
    expect(stored()).toEqual([`${ok.traceId}:${ok.spanId}`, `${atLimit.traceId}:${atLimit.spanId}`].sort());
  });

  it("bounds a span's attributes together, counting its events' attributes", async () => {
    const part = "x".repeat(MAX_ATTRIBUTE_VALUE_CHARS - 10);
    const big = jsonSpan({ a: part, b: part, c: part, e: part }, { events: [{ name: "e", timeUnixNano: "1", attributes: [{ key: "d", value: { stringValue: part } }] }] });
    const res = await sendJson(jsonRequest([big, jsonSpan()]));
    expect(res.json.partialSuccess?.rejectedSpans).toBe(1);
    expect(res.json.partialSuccess?.errorMessage).toContain(`more than ${MAX_SPAN_CHARS} characters`);
    expect(stored()).toHaveLength(1);
  });

  it("rejects the spans of a resource whose attributes are over the limit, not the export's others", async () => {
    const request = jsonRequest([jsonSpan(), jsonSpan()], { "service.name": "huge", blob: "z".repeat(MAX_RESOURCE_CHARS) });
    const fine = jsonRequest([jsonSpan()]);
    request.resourceSpans.push(...fine.resourceSpans);
    const res = await sendJson(request);
    expect(res.json.partialSuccess?.rejectedSpans).toBe(2);
    expect(res.json.partialSuccess?.errorMessage).toContain("resource");
    expect(stored()).toHaveLength(1);
  });

  it("stores a value nested 20,000 levels deep cut at 16 (null below), without a 5xx", async () => {
    const levels = 20_000;
    const deep = '{"kvlistValue":{"values":[{"key":"k","value":'.repeat(levels) + '{"stringValue":"leaf"}' + "}]}}".repeat(levels);
    const nestedSpan = jsonSpan({ deep: "placeholder" });
    const text = JSON.stringify(jsonRequest([nestedSpan])).replace('{"stringValue":"placeholder"}', deep);
    const res = await sendJson(text);
    expect(res.status).toBe(200);
    expect(stored()).toEqual([`${nestedSpan.traceId}:${nestedSpan.spanId}`]);
  });

  it("rejects an LLM span whose mapped input breaks the event's input limit, though each attribute is within its own", async () => {
    const half = "p".repeat(MAX_ATTRIBUTE_VALUE_CHARS / 2 + 10);
    const llm = jsonSpan({
      "gen_ai.system": "openai", "gen_ai.request.model": "m",
      "gen_ai.prompt.0.role": "user", "gen_ai.prompt.0.content": half, "gen_ai.prompt.1.role": "user", "gen_ai.prompt.1.content": half,
    });
    const res = await sendJson(jsonRequest([llm, jsonSpan()]));
    expect(res.json.partialSuccess?.rejectedSpans).toBe(1);
    expect(res.json.partialSuccess?.errorMessage).toContain("input");
    expect(stored()).toHaveLength(1);
  });

  it("answers protobuf exports the same way", async () => {
    const over = jsonSpan({ note: "x".repeat(MAX_ATTRIBUTE_VALUE_CHARS + 1) });
    const res = await fetch(`${server.url}${PATH}`, {
      method: "POST",
      headers: { "content-type": "application/x-protobuf", authorization: `Bearer ${project.key}` },
      body: new Uint8Array(jsonToProtobuf(jsonRequest([over, jsonSpan()]))),
    });
    expect(res.status).toBe(200);
    expect(stored()).toHaveLength(1);
  });
});
