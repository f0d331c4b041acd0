import { sqlRows, sqlRowsElsewhere } from "@/tests/helpers/sql";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { gzipSync } from "node:zlib";
import * as ingestRoute from "@/app/api/v1/ingest/route";
import { freshDb, makeProject, testContext, type TestProject } from "@/tests/helpers/db";
import { startRouteServer, type RouteServer } from "@/tests/helpers/route-server";
import { llmEvent, post } from "@/tests/helpers/ingest-client";
import { revokeApiKey, findApiKeyByPlainKey } from "@/lib/auth/api-keys";
import type { Db } from "@/db/client";

let server: RouteServer;
let db: Db;
let p: TestProject;
const ingest = (body: unknown, opts: Parameters<typeof post>[3] = {}) =>
  post(server.url, "/api/v1/ingest", body, { key: p.key, ...opts });

beforeAll(async () => {
  server = await startRouteServer({ "/api/v1/ingest": ingestRoute });
});
afterAll(() => server.close());
beforeEach(async () => {
  db = await freshDb();
  p = await makeProject(db);
});

const rows = (sql: string, ...args: unknown[]) => sqlRows(db, sql, ...args);

describe("POST /api/v1/ingest", () => {
  it("accepts a batch of every event type and stores it durably", async () => {
    const events = [
      llmEvent({ id: "a1", promptId: "support-answer", promptVersion: 2, hallucination: { flagged: true, score: 0.9, source: "judge" } }),
      { id: "p1", type: "prediction", model: "fraud-xgb", modelVersion: "1.4.0", features: { amount: 12.5, country: "DE" }, prediction: 1, score: 0.83, latencyMs: 4 },
      { id: "l1", type: "label", model: "fraud-xgb", targetId: "p1", label: 0 },
      { id: "m1", type: "metric", model: "fraud-xgb", name: "drift.psi", feature: "amount", value: 0.31 },
      { id: "s1", type: "span", name: "vector-search", latencyMs: 12, traceId: "t1", spanId: "s1" },
    ];
    const res = await ingest({ events });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ accepted: 5, duplicates: 0, rejected: 0 });
    expect(res.json.results.map((r: { status: string }) => r.status)).toEqual(Array(5).fill("accepted"));

    // Read through an independent connection: the 200 means committed.
    const stored = await sqlRowsElsewhere("SELECT client_id, type FROM event WHERE project_id = ? ORDER BY client_id", p.projectId);
    expect(stored).toEqual([
      { client_id: "a1", type: "llm" }, { client_id: "l1", type: "label" }, { client_id: "m1", type: "metric" },
      { client_id: "p1", type: "prediction" }, { client_id: "s1", type: "span" },
    ]);
    const [lab] = await rows("SELECT l.value_num, e.client_id AS target FROM label l JOIN event e ON e.id = l.target_event_id");
    expect(lab).toEqual({ value_num: 0, target: "p1" });
    expect(await rows("SELECT name, feature, value FROM metric_point")).toEqual([{ name: "drift.psi", feature: "amount", value: 0.31 }]);
    const [pv] = await rows("SELECT p.key, v.version FROM prompt_version v JOIN prompt p ON p.id = v.prompt_id");
    expect(pv).toEqual({ key: "support-answer", version: 2 });
    const kinds = await rows("SELECT name, kind FROM model ORDER BY name");
    expect(kinds).toEqual([{ name: "fraud-xgb", kind: "ml" }, { name: "gpt-4o-mini", kind: "llm" }]);
  });

  it("stores the valid events of a partly invalid batch and answers 207 naming the field", async () => {
    const res = await ingest({ events: [llmEvent({ id: "ok1" }), llmEvent({ id: "bad1", latencyMs: -5 }), { id: "bad2", type: "nope", model: "m" }, llmEvent({ id: "ok2" })] });
    expect(res.status).toBe(207);
    expect(res.json).toMatchObject({ accepted: 2, duplicates: 0, rejected: 2 });
    expect(res.json.results[1]).toMatchObject({ index: 1, id: "bad1", status: "rejected", error: { code: "invalid_event", path: "latencyMs" } });
    expect(res.json.results[2].error.path).toBe("type");
    expect(await rows("SELECT client_id FROM event ORDER BY client_id")).toEqual([{ client_id: "ok1" }, { client_id: "ok2" }]);
  });

  it("reports resent events as duplicates and never counts them twice", async () => {
    const batch = { events: [llmEvent({ id: "d1" }), llmEvent({ id: "d2" })] };
    expect((await ingest(batch)).json).toMatchObject({ accepted: 2, duplicates: 0 });
    const again = await ingest({ events: [...batch.events, llmEvent({ id: "d3" }), llmEvent({ id: "d3" })] });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ accepted: 1, duplicates: 3, rejected: 0 });
    expect(again.json.results.map((r: { status: string }) => r.status)).toEqual(["duplicate", "duplicate", "accepted", "duplicate"]);
    expect((await rows("SELECT count(*) AS n FROM event"))[0].n).toBe(3);
    expect((await rows("SELECT sum(count) AS n FROM rollup WHERE resolution = 3600000"))[0].n).toBe(3);
  });

  it("computes cost from the price book, keeps a client cost, and marks unknown models unpriced", async () => {
    const res = await ingest({
      events: [
        llmEvent({ id: "c1", model: "gpt-4o", inputTokens: 1_000_000, outputTokens: 100_000 }),
        llmEvent({ id: "c2", model: "gpt-4o", costUsd: 0.5 }),
        llmEvent({ id: "c3", model: "in-house-llm", inputTokens: 10, outputTokens: 10 }),
        llmEvent({ id: "c4", model: "in-house-llm", inputTokens: undefined, outputTokens: undefined }),
      ],
    });
    expect(res.status).toBe(200);
    const byId = Object.fromEntries((await rows("SELECT client_id, cost_usd, unpriced FROM event")).map((r) => [r.client_id, r]));
    expect(byId.c1.cost_usd).toBeCloseTo(2.5 + 1.0, 10);
    expect(byId.c2).toMatchObject({ cost_usd: 0.5, unpriced: null });
    expect(byId.c3).toMatchObject({ cost_usd: null, unpriced: 1 });
    expect(byId.c4).toMatchObject({ cost_usd: null, unpriced: null });
    const [r] = await rows("SELECT sum(unpriced_count) AS u, sum(cost_usd) AS c FROM rollup WHERE resolution = 86400000");
    expect(r.u).toBe(1);
    expect(r.c).toBeCloseTo(4.0, 10);
  });

  it("accepts gzip bodies and rejects corrupt gzip with 400", async () => {
    const res = await ingest({ events: [llmEvent({ id: "g1" })] }, { gzip: true });
    expect(res.status).toBe(200);
    const truncated = gzipSync(JSON.stringify({ events: [llmEvent()] })).subarray(0, 20);
    const bad = await ingest(truncated, { headers: { "content-encoding": "gzip" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe("invalid_request");
  });

  it.each([
    ["not JSON", "{nope", "body"],
    ["no events array", { items: [] }, "events"],
    ["an empty batch", { events: [] }, "events"],
    ["over 1000 events", { events: Array.from({ length: 1001 }, () => llmEvent()) }, "events"],
  ])("answers 400 for %s", async (_name, body, field) => {
    const res = await ingest(body);
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: "invalid_request" });
    expect(res.json.error.details[0].path).toBe(field);
    expect(typeof res.json.error.requestId).toBe("string");
  });

  it("answers 413 past 5 MiB, on the wire or after decompression", async () => {
    const big = JSON.stringify({ events: [llmEvent({ output: "x".repeat(5 * 1024 * 1024) })] });
    expect((await ingest(big)).status).toBe(413);
    const res = await ingest(big, { gzip: true });
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe("payload_too_large");
    expect((await rows("SELECT count(*) AS n FROM event"))[0].n).toBe(0);
  });

  it("answers 415 for other content types", async () => {
    const res = await ingest(JSON.stringify({ events: [llmEvent()] }), { contentType: "text/plain" });
    expect(res.status).toBe(415);
    expect(res.json.error.code).toBe("unsupported_media_type");
  });

  it("answers 401 without, with an unknown or with a revoked key, and 403 without the ingest scope", async () => {
    const body = { events: [llmEvent()] };
    expect((await ingest(body, { key: null })).status).toBe(401);
    expect((await ingest(body, { key: "sl_unknown" })).status).toBe(401);
    const readOnly = await makeProject(db, ["read"]);
    const forbidden = await ingest(body, { key: readOnly.key });
    expect(forbidden.status).toBe(403);
    expect(forbidden.json.error.code).toBe("forbidden");
    const row = (await findApiKeyByPlainKey(db, p.key))!;
    expect(await revokeApiKey(testContext(db, p.projectId), { keyId: row.id })).toBe(true);
    expect((await ingest(body)).status).toBe(401);
    expect((await rows("SELECT count(*) AS n FROM event"))[0].n).toBe(0);
  });

  it("accepts ISO 8601 and epoch-ms timestamps and rejects nonsense ones", async () => {
    const res = await ingest({
      events: [
        llmEvent({ id: "t1", timestamp: "2026-11-01T10:00:00.000Z" }),
        llmEvent({ id: "t2", timestamp: Date.UTC(2026, 10, 1, 11) }),
        llmEvent({ id: "t3", timestamp: "yesterday" }),
      ],
    });
    expect(res.status).toBe(207);
    expect(res.json.results[2].error.path).toBe("timestamp");
    const ts = await rows("SELECT client_id, ts FROM event ORDER BY client_id");
    expect(ts).toEqual([{ client_id: "t1", ts: Date.UTC(2026, 10, 1, 10) }, { client_id: "t2", ts: Date.UTC(2026, 10, 1, 11) }]);
  });
});

describe("time-ordered keys", () => {
  it("stores thousands of events that share one millisecond, across batches", async () => {
    const ts = Date.UTC(2026, 10, 27, 12);
    for (let b = 0; b < 3; b++) {
      const res = await ingest({ events: Array.from({ length: 1000 }, (_, i) => llmEvent({ id: `same-${b}-${i}`, timestamp: ts })) });
      expect(res.json).toMatchObject({ accepted: 1000, rejected: 0 });
    }
    const [r] = await rows("SELECT count(*) AS n, count(DISTINCT id) AS ids, min(ts) AS lo, max(ts) AS hi, max(id) - min(id) AS spread FROM event");
    expect(r).toMatchObject({ n: 3000, ids: 3000, lo: ts, hi: ts });
    expect(r.spread as number).toBeLessThan(4 * 1024);
    expect((await rows("SELECT sum(count) AS n FROM rollup WHERE resolution = 86400000"))[0].n).toBe(3000);
  });
});
