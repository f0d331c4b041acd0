import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { getEvent } from "@/lib/events/get-event";
import { decodeTraces } from "@/lib/otlp/decode";
import { exportTraces } from "@/lib/otlp/export-traces";
import { display, inspectorRows, MAX_VALUE_CHARS, type InspectorRows } from "@/lib/otlp/inspector-rows";
import { freshDb, makeProject, testContext } from "../helpers/db";
import { jsonRequest, jsonSpan } from "./helpers";

type Attrs = Parameters<typeof jsonSpan>[0];

let db: Db;
let projectId: number;
beforeAll(async () => {
  db = await freshDb();
  projectId = (await makeProject(db)).projectId;
});

/** One span through the real decode → map → store → read path, then into inspector rows. */
async function inspect(attrs: Attrs, over: Record<string, unknown> = {}, resource?: Attrs) {
  const span = jsonSpan(attrs, over);
  const batch = decodeTraces(Buffer.from(JSON.stringify(jsonRequest([span], resource))), "json");
  const result = await exportTraces(testContext(db, projectId), batch);
  expect(result.rejectedSpans).toBe(0);
  const event = await getEvent(testContext(db, projectId), { id: `${span.traceId}:${span.spanId}` });
  return { event, rows: inspectorRows(event) as InspectorRows };
}

const source = (rows: InspectorRows, field: string) => rows.fields.find((r) => r.field === field);

describe("inspectorRows", () => {
  it("names each field's source with the value stored in the event", async () => {
    const { event, rows } = await inspect(
      {
        "gen_ai.operation.name": "chat",
        "gen_ai.request.model": "gpt-4o-mini",
        "gen_ai.response.model": "gpt-4o-mini-2024-07-18",
        "gen_ai.usage.input_tokens": 42,
        "gen_ai.usage.output_tokens": 7,
        "sightline.prompt.id": "support-answer",
        "sightline.prompt.version": 3,
        "gen_ai.provider.name": "openai",
      },
      {},
      { "service.name": "support-bot", "host.name": "worker-3" },
    );
    // The dated response model groups under its canonical name (lib/models/canonical-name.ts).
    expect(source(rows, "model")).toEqual({ field: "model", value: "gpt-4o-mini", source: "gen_ai.response.model", fixed: false });
    expect(source(rows, "inputTokens")).toMatchObject({ value: "42", source: "gen_ai.usage.input_tokens" });
    expect(source(rows, "outputTokens")).toMatchObject({ value: "7", source: "gen_ai.usage.output_tokens" });
    expect(source(rows, "promptId")).toMatchObject({ value: "support-answer", source: "sightline.prompt.id" });
    expect(source(rows, "promptVersion")).toMatchObject({ value: "3", source: "sightline.prompt.version" });
    expect(source(rows, "metadata.provider")).toMatchObject({ value: "openai", source: "gen_ai.provider.name" });
    expect(source(rows, "metadata.service")).toMatchObject({ value: "support-bot", source: "resource.service.name" });
    expect(source(rows, "type")).toMatchObject({ value: "llm", source: "gen_ai.operation.name" });
    // Not mapped from an attribute: the default environment, and the price book's cost.
    expect(source(rows, "environment")).toMatchObject({ value: "production", source: "default (no environment attribute)" });
    expect(source(rows, "costUsd")).toMatchObject({ value: String(event.costUsd), source: "price book (no cost attribute)" });
    // The request model lost to the response model: kept, unmapped, with its value.
    expect(rows.unmapped).toContainEqual({ key: "gen_ai.request.model", value: "gpt-4o-mini", valueType: "string" });
    expect(rows.unmapped).toContainEqual({ key: "gen_ai.operation.name", value: "chat", valueType: "string" });
    expect(rows.resource).toEqual([{ key: "host.name", value: "worker-3", valueType: "string" }]);
    expect(rows.scope).toEqual({ name: "test", version: null, attributes: [] });
    expect(rows.warnings).toEqual([]);
  });

  it("lists the fixed sources that are documented rather than stored per event", async () => {
    const { event, rows } = await inspect({ "http.route": "/x" }, { name: "GET /x", kind: 2, parentSpanId: "00000000000000aa" });
    const fixed = rows.fields.filter((r) => r.fixed);
    expect(fixed.map((r) => [r.field, r.source])).toEqual([
      ["id", "traceId:spanId"],
      ["traceId", "traceId"],
      ["spanId", "spanId"],
      ["parentSpanId", "parentSpanId"],
      ["timestamp", "startTimeUnixNano"],
      ["latencyMs", "endTimeUnixNano − startTimeUnixNano"],
      ["status", "status.code"],
      ["name", "span name"],
    ]);
    expect(source(rows, "id")!.value).toBe(event.id);
    expect(source(rows, "latencyMs")!.value).toBe("250");
    expect(source(rows, "name")!.value).toBe("GET /x");
    expect(source(rows, "type")).toMatchObject({ value: "span", source: "no GenAI attributes" });
    expect(rows.spanName).toBe("GET /x");
    expect(rows.spanKind).toBe("server");
    expect(rows.unmapped).toEqual([{ key: "http.route", value: "/x", valueType: "string" }]);
  });

  it("keeps a value of the wrong type unmapped, with its type, and shows the warning", async () => {
    const { rows } = await inspect({ "gen_ai.request.model": "m", "gen_ai.usage.input_tokens": "many", "llm.token_count.prompt": 12, "acme.tenant": "t-9" });
    expect(source(rows, "inputTokens")).toMatchObject({ value: "12", source: "llm.token_count.prompt" });
    expect(rows.unmapped).toContainEqual({ key: "gen_ai.usage.input_tokens", value: "many", valueType: "string" });
    expect(rows.unmapped).toContainEqual({ key: "acme.tenant", value: "t-9", valueType: "string" });
    expect(rows.warnings).toHaveLength(1);
    expect(rows.warnings[0]).toMatch(/^gen_ai\.usage\.input_tokens: .*"many".*not mapped/);
  });

  it("shows the derived token side, the status source, span events and hallucination fields", async () => {
    const { rows } = await inspect(
      {
        "gen_ai.request.model": "m",
        "gen_ai.usage.input_tokens": 30,
        "llm.usage.total_tokens": 50,
        "sightline.hallucination.flagged": true,
        "sightline.hallucination.score": 0.75,
      },
      {
        status: { code: 2 },
        events: [{ name: "exception", timeUnixNano: "1748779200123000000", attributes: [{ key: "exception.type", value: { stringValue: "TimeoutError" } }] }],
      },
    );
    expect(source(rows, "outputTokens")).toMatchObject({ value: "20", source: "llm.usage.total_tokens − gen_ai.usage.input_tokens" });
    expect(source(rows, "status")).toMatchObject({ value: "error", source: "status.code", fixed: true });
    expect(source(rows, "errorMessage")).toMatchObject({ value: "TimeoutError", source: "event:exception" });
    expect(source(rows, "hallucination.flagged")).toMatchObject({ value: "true", source: "sightline.hallucination.flagged" });
    expect(source(rows, "hallucination.score")).toMatchObject({ value: "0.75", source: "sightline.hallucination.score" });
    expect(rows.events).toEqual([
      { name: "exception", time: "2025-06-01T12:00:00.123Z", attributes: [{ key: "exception.type", value: "TimeoutError", valueType: "string" }] },
    ]);
  });

  it("shows non-string attribute values as JSON with their type", async () => {
    const { rows } = await inspect({ "x.list": ["a", "b"], "x.flag": false, "x.ratio": 0.5, "x.map": { k: 1 } });
    expect(rows.unmapped).toEqual([
      { key: "x.list", value: '["a","b"]', valueType: "array" },
      { key: "x.flag", value: "false", valueType: "boolean" },
      { key: "x.ratio", value: "0.5", valueType: "number" },
      { key: "x.map", value: '{"k":1}', valueType: "object" },
    ]);
  });

  it("returns null for a native event and tolerates a malformed otel object", async () => {
    expect(inspectorRows({ id: "e1", type: "llm", model: "gpt-4o" })).toBeNull();
    const rows = inspectorRows({ id: "e2", type: "span", name: "n", otel: { mapped: { model: 5 }, unmapped: "x", events: [null, { name: 1 }], warnings: ["w", 3] } })!;
    expect(rows.fields.some((r) => r.field === "model")).toBe(false);
    expect(rows.unmapped).toEqual([]);
    expect(rows.events).toEqual([{ name: "(unnamed)", time: null, attributes: [] }]);
    expect(rows.warnings).toEqual(["w"]);
  });

  it("reads metadata keys that contain dots and cuts long values", async () => {
    const rows = inspectorRows({
      id: "e3",
      type: "llm",
      metadata: { "langfuse.release": "r1" },
      otel: { mapped: { "metadata.langfuse.release": "langfuse.release" } },
    })!;
    expect(source(rows, "metadata.langfuse.release")!.value).toBe("r1");
    const long = display("x".repeat(MAX_VALUE_CHARS + 50));
    expect(long).toHaveLength(MAX_VALUE_CHARS);
    expect(long.endsWith("…")).toBe(true);
    expect(display(undefined)).toBe("—");
  });
});
