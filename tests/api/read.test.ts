import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as metricsRoute from "@/app/api/v1/metrics/route";
import * as timeseriesRoute from "@/app/api/v1/metrics/timeseries/route";
import * as eventsRoute from "@/app/api/v1/events/route";
import * as eventRoute from "@/app/api/v1/events/[id]/route";
import { freshDb, makeProject, type TestProject } from "@/tests/helpers/db";
import { startRouteServer, type RouteServer } from "@/tests/helpers/route-server";
import { get } from "@/tests/helpers/ingest-client";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import type { Db } from "@/db/client";

let server: RouteServer;
let db: Db;
let p: TestProject;
const H = 3_600_000;
const now = Date.now();
const base = now - (now % H) - 30 * H; // 30 hours ago, on the hour

beforeAll(async () => {
  server = await startRouteServer({
    "/api/v1/metrics": metricsRoute,
    "/api/v1/metrics/timeseries": timeseriesRoute,
    "/api/v1/events": eventsRoute,
    "/api/v1/events/[id]": eventRoute,
  });
});
afterAll(() => server.close());
beforeEach(async () => {
  db = await freshDb();
  p = await makeProject(db);
});

function seeded(seed: number) {
  return () => ((seed = (seed * 1664525 + 1013904223) % 4294967296) / 4294967296);
}

/** Generates LLM calls spread over 30 hours; returns the exact latencies per (model, prompt version). */
async function generate(n: number) {
  const rand = seeded(7);
  const exact = new Map<string, number[]>();
  const events = [];
  for (let i = 0; i < n; i++) {
    const model = i % 3 === 0 ? "gpt-4o" : "claude-sonnet-4";
    const promptVersion = 1 + (i % 2);
    const latencyMs = Math.round((80 + Math.exp(4 + 2.5 * rand()) * (promptVersion === 2 ? 1.5 : 1)) * 100) / 100;
    const key = `${model}|${promptVersion}`;
    exact.set(key, [...(exact.get(key) ?? []), latencyMs]);
    events.push({
      id: `e${i}`, type: "llm", model, timestamp: base + Math.floor((i / n) * 30 * H), promptId: "answer", promptVersion,
      latencyMs, inputTokens: 1000, outputTokens: 100, status: i % 10 === 0 ? "error" : "ok",
      hallucination: i % 4 === 0 ? { flagged: i % 8 === 0 } : undefined,
    });
  }
  for (let i = 0; i < events.length; i += 1000) await ingestEvents(db, p.projectId, events.slice(i, i + 1000));
  return exact;
}

const pct = (sorted: number[], q: number) => sorted[Math.floor(q * (sorted.length - 1))];
const within1pct = (approx: number, exact: number) => expect(Math.abs(approx - exact) / exact).toBeLessThanOrEqual(0.01);

describe("GET /api/v1/metrics", () => {
  it("answers percentiles within 1% of the exact values, and exact counts, tokens, cost and rates", async () => {
    const exact = await generate(6000);
    const from = new Date(base).toISOString();
    const res = await get(server.url, `/api/v1/metrics?groupBy=model&from=${from}&to=${now}`, p.key);
    expect(res.status).toBe(200);
    expect(res.json.groups.map((g: { model: string }) => g.model)).toEqual(["claude-sonnet-4", "gpt-4o"]);
    for (const g of res.json.groups) {
      const all = [...(exact.get(`${g.model}|1`) ?? []), ...(exact.get(`${g.model}|2`) ?? [])].sort((a, b) => a - b);
      expect(g.count).toBe(all.length);
      within1pct(g.latencyMs.p50, pct(all, 0.5));
      within1pct(g.latencyMs.p95, pct(all, 0.95));
      within1pct(g.latencyMs.p99, pct(all, 0.99));
      expect(g.inputTokens).toBe(all.length * 1000);
      expect(g.unpricedCount).toBe(0);
    }
    const gpt = res.json.groups.find((g: { model: string }) => g.model === "gpt-4o");
    expect(gpt.costUsd).toBeCloseTo(2000 * (1000 * 2.5 + 100 * 10) / 1e6, 6);
    expect(gpt.errorRate).toBeCloseTo(200 / 2000, 10); // every 10th event (i % 30 === 0 within gpt-4o's i % 3)
    expect(gpt.hallucinationRate).toBeCloseTo(0.5, 10);
  });

  it("groups by prompt version, filters by model, and limits to the time range", async () => {
    const exact = await generate(3000);
    const res = await get(server.url, `/api/v1/metrics?groupBy=promptVersion&model=gpt-4o&from=${base}&to=${now}`, p.key);
    expect(res.json.groups.map((g: { promptVersion: number }) => g.promptVersion)).toEqual([1, 2]);
    for (const g of res.json.groups) {
      const xs = exact.get(`gpt-4o|${g.promptVersion}`)!.sort((a, b) => a - b);
      expect(g).toMatchObject({ model: "gpt-4o", promptId: "answer", count: xs.length });
      within1pct(g.latencyMs.p95, pct(xs, 0.95));
    }
    const firstHours = await get(server.url, `/api/v1/metrics?from=${base}&to=${base + 2 * H}`, p.key);
    const total = firstHours.json.groups.reduce((s: number, g: { count: number }) => s + g.count, 0);
    expect(total).toBe(200); // 3000 events over 30 h → 100 per hour
    const none = await get(server.url, `/api/v1/metrics?model=unknown`, p.key);
    expect(none.json.groups).toEqual([]);
  });

  it("rejects bad parameters with 400 naming them", async () => {
    for (const [qs, path] of [["groupBy=team", "groupBy"], ["from=yesterday", "from"], [`from=${now}&to=${now - 1}`, "from"]]) {
      const res = await get(server.url, `/api/v1/metrics?${qs}`, p.key);
      expect(res.status).toBe(400);
      expect(res.json.error.details[0].path).toBe(path);
    }
  });

  it("requires the read scope", async () => {
    const ingestOnly = await makeProject(db, ["ingest"]);
    expect((await get(server.url, "/api/v1/metrics", ingestOnly.key)).status).toBe(403);
    expect((await get(server.url, "/api/v1/metrics")).status).toBe(401);
  });
});

describe("GET /api/v1/metrics/timeseries", () => {
  it("returns hourly points that add up, and per-bucket percentiles", async () => {
    const exact = await generate(3000);
    const res = await get(server.url, `/api/v1/metrics/timeseries?metric=count&interval=1h&from=${base}&to=${now}`, p.key);
    expect(res.status).toBe(200);
    expect(res.json.points).toHaveLength(30);
    expect(res.json.points[0]).toEqual({ t: new Date(base).toISOString(), value: 100 });
    const p95 = await get(server.url, `/api/v1/metrics/timeseries?metric=latency_p95&interval=1d&from=${base - 2 * 86_400_000}&to=${now}&model=gpt-4o&promptId=answer&promptVersion=2`, p.key);
    const days = p95.json.points;
    expect(days.length).toBeGreaterThanOrEqual(2);
    expect(days.every((pt: { value: number }) => pt.value > 0)).toBe(true);
    const err = await get(server.url, `/api/v1/metrics/timeseries?metric=error_rate&interval=1d&from=${base - 2 * 86_400_000}&to=${now}`, p.key);
    const total = err.json.points.reduce((s: number, pt: { value: number }) => s + pt.value, 0);
    expect(total / err.json.points.length).toBeCloseTo(0.1, 1);
    void exact;
  });

  it("rejects unknown metrics and too many points", async () => {
    const bad = await get(server.url, "/api/v1/metrics/timeseries?metric=vibes", p.key);
    expect(bad.json.error.details[0].path).toBe("metric");
    const many = await get(server.url, `/api/v1/metrics/timeseries?metric=count&interval=1m&from=${now - 3 * 86_400_000}`, p.key);
    expect(many.status).toBe(400);
    expect(many.json.error.details[0].path).toBe("interval");
  });
});

describe("GET /api/v1/events", () => {
  it("pages newest first through filtered events and fetches one by id", async () => {
    await generate(500);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const qs: string = `model=gpt-4o&status=error&limit=7&from=${base}${cursor ? `&cursor=${cursor}` : ""}`;
      const res = await get(server.url, `/api/v1/events?${qs}`, p.key);
      expect(res.status).toBe(200);
      for (const e of res.json.events) {
        expect(e).toMatchObject({ model: "gpt-4o", status: "error", type: "llm" });
        seen.push(e.id);
      }
      cursor = res.json.nextCursor;
    } while (cursor);
    const expected = Array.from({ length: 500 }, (_, i) => i).filter((i) => i % 30 === 0).reverse().map((i) => `e${i}`);
    expect(seen).toEqual(expected);

    const one = await get(server.url, "/api/v1/events/e30", p.key);
    expect(one.json).toMatchObject({ id: "e30", model: "gpt-4o", promptId: "answer", promptVersion: 1, inputTokens: 1000, status: "error" });
    expect((await get(server.url, "/api/v1/events/nope", p.key)).status).toBe(404);
  });

  it("finds text in outputs and lists a trace", async () => {
    await ingestEvents(db, p.projectId, [
      { id: "x1", type: "llm", model: "m", latencyMs: 1, output: "The refund policy is 30 days", traceId: "t9", spanId: "a" },
      { id: "x2", type: "span", name: "retrieve", latencyMs: 3, traceId: "t9", spanId: "b", parentSpanId: "a" },
      { id: "x3", type: "llm", model: "m", latencyMs: 1, output: "100% sure" },
    ]);
    const q = await get(server.url, "/api/v1/events?q=refund", p.key);
    expect(q.json.events.map((e: { id: string }) => e.id)).toEqual(["x1"]);
    const pctq = await get(server.url, "/api/v1/events?q=100%25", p.key);
    expect(pctq.json.events.map((e: { id: string }) => e.id)).toEqual(["x3"]);
    const trace = await get(server.url, "/api/v1/events?traceId=t9", p.key);
    expect(trace.json.events.map((e: { id: string }) => e.id).sort()).toEqual(["x1", "x2"]);
  });
});
