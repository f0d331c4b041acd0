import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as ingestRoute from "@/app/api/v1/ingest/route";
import * as otlpRoute from "@/app/api/otlp/v1/traces/route";
import * as eventRoute from "@/app/api/v1/events/[id]/route";
import * as metricsRoute from "@/app/api/v1/metrics/route";
import * as timeseriesRoute from "@/app/api/v1/metrics/timeseries/route";
import * as overviewRoute from "@/app/api/v1/overview/route";
import * as pricesRoute from "@/app/api/v1/prices/route";
import * as priceRoute from "@/app/api/v1/prices/[id]/route";
import * as repriceRoute from "@/app/api/v1/prices/reprice/route";
import * as repriceJobRoute from "@/app/api/v1/prices/reprice/[id]/route";
import type { Db } from "@/db/client";
import { repriceBatch } from "@/lib/pricing/reprice-batch";
import { runRepriceJobs } from "@/lib/pricing/run-reprice-jobs";
import { freshDb, makeProject, type TestProject } from "@/tests/helpers/db";
import { get, llmEvent, post, send as sendRequest } from "@/tests/helpers/ingest-client";
import { startRouteServer, type RouteServer } from "@/tests/helpers/route-server";
import { loadFixture } from "@/tests/otlp/helpers";

let server: RouteServer;
let db: Db;
let p: TestProject;
const H = 3_600_000;

beforeAll(async () => {
  server = await startRouteServer({
    "/api/v1/ingest": ingestRoute,
    "/api/otlp/v1/traces": otlpRoute,
    "/api/v1/events/[id]": eventRoute,
    "/api/v1/metrics": metricsRoute,
    "/api/v1/metrics/timeseries": timeseriesRoute,
    "/api/v1/overview": overviewRoute,
    // Static segments first, as Next routes them.
    "/api/v1/prices/reprice": repriceRoute,
    "/api/v1/prices/reprice/[id]": repriceJobRoute,
    "/api/v1/prices": pricesRoute,
    "/api/v1/prices/[id]": priceRoute,
  });
});
afterAll(() => server.close());
beforeEach(async () => {
  db = await freshDb();
  p = await makeProject(db);
});

const ingest = (events: unknown[]) => post(server.url, "/api/v1/ingest", { events }, { key: p.key });
const read = (path: string) => get(server.url, path, p.key);
const send = (method: string, path: string, body?: unknown, key = p.key) => sendRequest(server.url, method, path, body, key);
const close = (a: number, b: number, tol = 1e-9) => expect(Math.abs(a - b), `${a} vs ${b}`).toBeLessThan(tol);

/** The Anthropic call of issue #16 in the pinned semantics; invoice $0.0288825. */
const ANTHROPIC = { model: "claude-sonnet-4-20250514", inputTokens: 48_183, cacheReadInputTokens: 47_105, cacheCreationInputTokens: 1_076, outputTokens: 714 };

describe("usage details and invoice-exact costs", () => {
  it("prices the Anthropic call of the issue to the invoice over the native API, in the event and in the metrics", async () => {
    const r = await ingest([llmEvent({ id: "anthropic-1", ...ANTHROPIC })]);
    expect(r.status).toBe(200);
    const e = (await read("/api/v1/events/anthropic-1")).json;
    close(e.costUsd, 0.0288825);
    expect(e).toMatchObject({ cacheReadInputTokens: 47_105, cacheCreationInputTokens: 1_076, reasoningTokens: null, costReported: false, costDiffers: false });
    close(e.costByKind.cacheRead, 0.0141315);
    close(e.costByKind.cacheWrite, 0.004035);
    const [g] = (await read("/api/v1/metrics?groupBy=model")).json.groups;
    close(g.costUsd, 0.0288825, 1e-8); // reported dollars are rounded to 1e-8
    expect(g).toMatchObject({ cacheReadTokens: 47_105, cacheWriteTokens: 1_076, unpricedCount: 0 });
    expect(g.cacheHitRate).toBeCloseTo(47_105 / 48_183, 12);
    close(g.costByKind.output, 0.01071, 1e-8);
  });

  it("prices the same call sent over OTLP with the current GenAI attributes to the invoice", async () => {
    const fixture = loadFixture("usage-gen-ai-current");
    const res = await fetch(`${server.url}/api/otlp/v1/traces`, {
      method: "POST", headers: { authorization: `Bearer ${p.key}`, "content-type": "application/json" }, body: JSON.stringify(fixture),
    });
    expect(res.status).toBe(200);
    const e = (await read("/api/v1/events/5b8efff798038103d269b633813fc701:a1b2c3d4e5f60001")).json;
    expect(e.inputTokens).toBe(48_183);
    close(e.costUsd, 0.0288825);
  });

  it("prices an OpenAI call with cached prompt tokens and reasoning tokens", async () => {
    await ingest([llmEvent({ id: "openai-1", model: "gpt-5-2025-08-07", inputTokens: 12_000, cacheReadInputTokens: 8_192, outputTokens: 3_500, reasoningTokens: 2_816 })]);
    const e = (await read("/api/v1/events/openai-1")).json;
    close(e.costUsd, 0.040784);
    close(e.costByKind.reasoning, 0.02816);
  });

  it("prices a Gemini call above its long-context tier at the tier's rates", async () => {
    await ingest([llmEvent({ id: "gemini-1", model: "gemini-2.5-pro", inputTokens: 250_000, cacheReadInputTokens: 100_000, outputTokens: 2_000, reasoningTokens: 1_200 })]);
    close((await read("/api/v1/events/gemini-1")).json.costUsd, 0.43);
  });

  it("rejects a detail larger than its total with a 207 naming the field, and stores the rest", async () => {
    const r = await ingest([
      llmEvent({ id: "ok-1" }),
      llmEvent({ id: "bad-1", inputTokens: 100, cacheReadInputTokens: 101 }),
      llmEvent({ id: "bad-2", outputTokens: 10, reasoningTokens: 11 }),
      llmEvent({ id: "bad-3", inputTokens: undefined, outputTokens: 5, cacheCreationInputTokens: 3 }),
    ]);
    expect(r.status).toBe(207);
    const byId = Object.fromEntries(r.json.results.map((x: { id: string }) => [x.id, x]));
    expect(byId["ok-1"].status).toBe("accepted");
    expect(byId["bad-1"].error).toMatchObject({ path: "cacheReadInputTokens" });
    expect(byId["bad-1"].error.message).toMatch(/must not exceed inputTokens/);
    expect(byId["bad-2"].error.path).toBe("reasoningTokens");
    expect(byId["bad-3"].error.path).toBe("cacheCreationInputTokens");
  });

  it("keeps a client-reported cost, with the book's split beside it and the >1% difference flagged", async () => {
    await ingest([
      llmEvent({ id: "rep-far", ...ANTHROPIC, costUsd: 0.02 }),
      llmEvent({ id: "rep-near", ...ANTHROPIC, costUsd: 0.0289 }),
    ]);
    const far = (await read("/api/v1/events/rep-far")).json;
    expect(far).toMatchObject({ costUsd: 0.02, costReported: true, costDiffers: true });
    close(far.bookCostUsd, 0.0288825);
    expect((await read("/api/v1/events/rep-near")).json.costDiffers).toBe(false);
  });
});

describe("the price book API", () => {
  it("lists the shipped defaults, and only settings:manage may add, change or remove a price", async () => {
    const list = (await read("/api/v1/prices")).json.data;
    const sonnet = list.find((x: { model: string }) => x.model.includes("claude-sonnet-4"));
    expect(sonnet).toMatchObject({ scope: "default", id: null, inputPerMTok: 3, cacheReadPerMTok: 0.3, cacheWritePerMTok: 3.75 });
    const reader = await makeProject(db, ["read"]);
    const denied = await send("POST", "/api/v1/prices", { model: "m", inputPerMTok: 1, outputPerMTok: 1 }, reader.key);
    expect(denied.status).toBe(403);
    const created = await send("POST", "/api/v1/prices", { model: "ft-", match: "prefix", inputPerMTok: 1, outputPerMTok: 2, cacheReadPerMTok: 0.1, tiers: [{ aboveInputTokens: 1000, inputPerMTok: 4 }] });
    expect(created.status).toBe(201);
    expect(created.json.price).toMatchObject({ scope: "project", match: "prefix", tiers: [{ aboveInputTokens: 1000, inputPerMTok: 4 }], createdBy: expect.stringMatching(/^api-key:/) });
    const id = created.json.price.id;
    const patched = await send("PATCH", `/api/v1/prices/${id}`, { outputPerMTok: 3, cacheReadPerMTok: null });
    expect(patched.json.price).toMatchObject({ outputPerMTok: 3, cacheReadPerMTok: null, inputPerMTok: 1 });
    expect((await send("DELETE", `/api/v1/prices/${id}`)).status).toBe(204);
    expect((await send("DELETE", `/api/v1/prices/${id}`)).status).toBe(404);
  });

  it("answers 400 naming the field for an invalid price", async () => {
    const bad = await send("POST", "/api/v1/prices", { model: "([", match: "regex", inputPerMTok: 1, outputPerMTok: 1 });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details[0].path).toBe("model");
    const negative = await send("POST", "/api/v1/prices", { model: "x", inputPerMTok: -1, outputPerMTok: 1 });
    expect(negative.json.error.details[0].path).toBe("inputPerMTok");
    const range = await send("POST", "/api/v1/prices/reprice", { from: "2026-01-02", to: "2026-01-01" });
    expect(range.json.error.details[0].path).toBe("to");
  });

  it("applies a new price to the next events ingested, through the ingest writer's own connection", async () => {
    await ingest([llmEvent({ id: "before", model: "my-finetune", inputTokens: 1_000_000, outputTokens: 0 })]);
    expect((await read("/api/v1/events/before")).json).toMatchObject({ costUsd: null, unpriced: true });
    await send("POST", "/api/v1/prices", { model: "my-finetune", inputPerMTok: 0.5, outputPerMTok: 1 });
    await ingest([llmEvent({ id: "after", model: "my-finetune", inputTokens: 1_000_000, outputTokens: 0 })]);
    expect((await read("/api/v1/events/after")).json).toMatchObject({ costUsd: 0.5, unpriced: false });
    // Stored history is not rewritten by the price itself…
    expect((await read("/api/v1/events/before")).json.costUsd).toBeNull();
  });

  it("bills each side of a dated price change at its own price, on ingest and on re-pricing", async () => {
    const change = Date.now() - 10 * H;
    await send("POST", "/api/v1/prices", { model: "ft-model", inputPerMTok: 2, outputPerMTok: 0 });
    await send("POST", "/api/v1/prices", { model: "ft-model", inputPerMTok: 1, outputPerMTok: 0, effectiveFrom: new Date(change).toISOString() });
    await ingest([
      llmEvent({ id: "old", model: "ft-model", timestamp: change - H, inputTokens: 1_000_000, outputTokens: 0 }),
      llmEvent({ id: "new", model: "ft-model", timestamp: change + H, inputTokens: 1_000_000, outputTokens: 0 }),
    ]);
    close((await read("/api/v1/events/old")).json.costUsd, 2);
    close((await read("/api/v1/events/new")).json.costUsd, 1);
    const job = (await send("POST", "/api/v1/prices/reprice", { from: change - 2 * H, to: change + 2 * H })).json.job;
    await runRepriceJobs(db, { now: Date.now });
    expect((await read(`/api/v1/prices/reprice/${job.id}`)).json.job).toMatchObject({ status: "done", processed: 2, changed: 0, progress: 1 });
    close((await read("/api/v1/events/old")).json.costUsd, 2);
    close((await read("/api/v1/events/new")).json.costUsd, 1);
  });
});

describe("re-pricing", () => {
  it("clears unpricedCount when a matching price is added, and the events API, metrics, timeseries and overview agree", async () => {
    const now = Date.now();
    const from = now - 3 * 24 * H;
    // Spread over three days (minute, hour and day rollups), two prompt versions, one priced model beside.
    const events = Array.from({ length: 40 }, (_, i) =>
      llmEvent({
        id: `u${i}`, model: "acme-llm", timestamp: from + i * 1.7 * H, inputTokens: 10_000 + i, outputTokens: 500, cacheReadInputTokens: 4_000,
        promptId: "answer", promptVersion: 1 + (i % 2),
      }),
    );
    await ingest([...events, llmEvent({ id: "priced", model: "gpt-4o", timestamp: from + H, inputTokens: 1000, outputTokens: 100 })]);
    const q = `from=${from - H}&to=${now}`;
    const before = (await read(`/api/v1/metrics?groupBy=model&${q}`)).json.groups.find((g: { model: string }) => g.model === "acme-llm");
    expect(before).toMatchObject({ unpricedCount: 40, costUsd: 0 });

    await send("POST", "/api/v1/prices", { model: "acme-llm", inputPerMTok: 2, outputPerMTok: 6, cacheReadPerMTok: 0.2 });
    const { job } = (await send("POST", "/api/v1/prices/reprice", { from: from - H, to: now, model: "acme-llm" })).json;
    expect(job).toMatchObject({ status: "queued", processed: 0, progress: 0 });
    // Small batches: the rollups must agree after every one of them, not only at the end.
    for (let step = 0; ; step++) {
      const r = await repriceBatch(db, job.id, Date.now(), 7);
      expect(step).toBeLessThan(20);
      if (r.done) break;
      if (step === 0) {
        // Mid-way: running, with progress along the range, and the totals already consistent.
        const mid = (await read(`/api/v1/prices/reprice/${job.id}`)).json.job;
        expect(mid).toMatchObject({ status: "running", processed: 7, changed: 7 });
        expect(mid.progress).toBeGreaterThan(0);
        expect(mid.progress).toBeLessThan(1);
        const g = (await read(`/api/v1/metrics?groupBy=model&${q}`)).json.groups.find((x: { model: string }) => x.model === "acme-llm");
        expect(g.unpricedCount).toBe(33);
        let sum = 0;
        for (const e of events) sum += (await read(`/api/v1/events/${e.id}`)).json.costUsd ?? 0;
        close(g.costUsd, sum, 1e-7);
      }
    }
    const done = (await read(`/api/v1/prices/reprice/${job.id}`)).json.job;
    expect(done).toMatchObject({ status: "done", processed: 40, changed: 40, progress: 1 });

    const expected = events.reduce((a, e) => a + ((e.inputTokens as number) - 4_000) * 2 + 4_000 * 0.2 + 500 * 6, 0) / 1e6;
    let eventSum = 0;
    for (const e of events) {
      const stored = (await read(`/api/v1/events/${e.id}`)).json;
      expect(stored.unpriced).toBe(false);
      eventSum += stored.costUsd;
    }
    close(eventSum, expected);
    const after = (await read(`/api/v1/metrics?groupBy=model&${q}`)).json.groups.find((g: { model: string }) => g.model === "acme-llm");
    expect(after.unpricedCount).toBe(0);
    close(after.costUsd, expected, 1e-7);
    close(after.costByKind.cacheRead, (40 * 4_000 * 0.2) / 1e6, 1e-8);
    const versions = (await read(`/api/v1/metrics?groupBy=promptVersion&${q}`)).json.groups;
    close(versions.reduce((a: number, g: { costUsd: number }) => a + g.costUsd, 0), expected, 1e-7);
    const series = (await read(`/api/v1/metrics/timeseries?metric=cost_usd&interval=1h&model=acme-llm&${q}`)).json.points;
    close(series.reduce((a: number, pt: { value: number }) => a + pt.value, 0), expected, 1e-7);
    const overview = (await read(`/api/v1/overview?${q}`)).json;
    const row = overview.models.find((r: { name: string }) => r.name === "acme-llm");
    close(row.costUsd, expected, 1e-7);
    expect(row.unpricedCount).toBe(0);
    // Re-pricing again at the same book changes nothing.
    const again = (await send("POST", "/api/v1/prices/reprice", { from: from - H, to: now })).json.job;
    await runRepriceJobs(db, { now: Date.now });
    expect((await read(`/api/v1/prices/reprice/${again.id}`)).json.job).toMatchObject({ status: "done", processed: 41, changed: 0 });
  });
});
