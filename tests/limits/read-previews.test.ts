import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as ingestRoute from "@/app/api/v1/ingest/route";
import * as eventsRoute from "@/app/api/v1/events/route";
import * as eventRoute from "@/app/api/v1/events/[id]/route";
import * as overviewRoute from "@/app/api/v1/overview/route";
import * as spendRoute from "@/app/api/v1/spend/route";
import { MAX_WINDOW_BUCKETS } from "@/lib/time/ranges";
import { PREVIEW_CHARS } from "@/db/statements/event-reads";
import { MAX_TEXT_CHARS } from "@/lib/ingest/limits";
import { freshDb, makeProject, type TestProject } from "@/tests/helpers/db";
import { startRouteServer, type RouteServer } from "@/tests/helpers/route-server";
import { get, llmEvent, post } from "@/tests/helpers/ingest-client";

let server: RouteServer;
let p: TestProject;

beforeAll(async () => {
  server = await startRouteServer({ "/api/v1/ingest": ingestRoute, "/api/v1/events": eventsRoute, "/api/v1/events/[id]": eventRoute, "/api/v1/overview": overviewRoute, "/api/v1/spend": spendRoute });
});
afterAll(() => server.close());
beforeEach(async () => {
  p = await makeProject(await freshDb());
});

const ingest = async (events: unknown[]) => expect((await post(server.url, "/api/v1/ingest", { events }, { key: p.key })).status).toBe(200);

describe("reads never carry what one stored event holds", () => {
  it("lists previews of large fields, named in `truncated`; the detail endpoint returns the whole event", async () => {
    const output = "o".repeat(MAX_TEXT_CHARS);
    const input = [{ role: "user", content: "i".repeat(MAX_TEXT_CHARS - 100) }];
    const metadata = { note: "m".repeat(5000), small: 1 };
    await ingest([llmEvent({ id: "big", output, input, metadata, context: ["c".repeat(2000)] }), llmEvent({ id: "small", output: "short", metadata: { a: true, b: null } })]);

    const page = await get(server.url, "/api/v1/events?limit=10", p.key);
    expect(page.status).toBe(200);
    const [small, big] = [page.json.events.find((e: { id: string }) => e.id === "small"), page.json.events.find((e: { id: string }) => e.id === "big")];
    expect(small.output).toBe("short");
    expect(small.metadata).toEqual({ a: true, b: null });
    expect(small.truncated).toBeUndefined();
    expect(big.truncated.sort()).toEqual(["context", "input", "metadata", "output"]);
    expect(big.output).toBe("o".repeat(PREVIEW_CHARS));
    expect(big.input).toBe(JSON.stringify(input).slice(0, PREVIEW_CHARS));
    expect(big.metadata).toBe(JSON.stringify(metadata).slice(0, PREVIEW_CHARS));
    expect(big.inputTokens).toBe(100); // columns are untouched
    expect(JSON.stringify(page.json).length).toBeLessThan(10 * PREVIEW_CHARS);

    const detail = await get(server.url, "/api/v1/events/big", p.key);
    expect(detail.status).toBe(200);
    expect(detail.json.output).toBe(output);
    expect(detail.json.input).toEqual(input);
    expect(detail.json.metadata).toEqual(metadata);
    expect(detail.json.truncated).toBeUndefined();
  });

  it("bounds a page of 40 events of 1 MiB each to previews", async () => {
    await ingest(Array.from({ length: 4 }, (_, i) => llmEvent({ id: `m${i}`, output: `${i}`.repeat(MAX_TEXT_CHARS) })));
    for (let b = 1; b < 10; b++) await ingest(Array.from({ length: 4 }, (_, i) => llmEvent({ id: `m${b}-${i}`, output: "x".repeat(MAX_TEXT_CHARS) })));
    const page = await get(server.url, "/api/v1/events?limit=50", p.key);
    expect(page.json.events).toHaveLength(40);
    expect(JSON.stringify(page.json).length).toBeLessThan(40 * 2 * PREVIEW_CHARS);
  });

  it("answers a trace query with at most `limit` spans, in key order", async () => {
    const spans = Array.from({ length: 30 }, (_, i) => ({ id: `s${i}`, type: "span", name: `step ${i}`, traceId: "t-big", spanId: `s${i}`, output: undefined }));
    await ingest(spans);
    const first = await get(server.url, "/api/v1/events?traceId=t-big&limit=10", p.key);
    expect(first.status).toBe(200);
    expect(first.json.events.map((e: { id: string }) => e.id)).toEqual(spans.slice(0, 10).map((s) => s.id));
    const all = await get(server.url, "/api/v1/events?traceId=t-big&limit=200", p.key);
    expect(all.json.events).toHaveLength(30);
  });
});

describe("windows are bounded", () => {
  it("answers 400 naming `interval` for a window of more buckets than a row may carry (1970 to now by the minute ran out of memory)", async () => {
    const res = await get(server.url, "/api/v1/overview?from=0&interval=1m", p.key);
    expect(res.status).toBe(400);
    expect(res.json.error.details[0].path).toBe("interval");
    const week = Date.now() - (MAX_WINDOW_BUCKETS - 10) * 60_000;
    expect((await get(server.url, `/api/v1/overview?from=${week}&interval=1m`, p.key)).status).toBe(200);
  });

  it("answers 400 for an instant past year 9999 (a read formatting it answered 500)", async () => {
    const res = await get(server.url, "/api/v1/spend?by=user&from=5383805519009644", p.key);
    expect(res.status).toBe(400);
    expect(res.json.error.details[0].path).toBe("from");
    expect((await get(server.url, `/api/v1/spend?by=user&from=${Date.now() - 86_400_000}`, p.key)).status).toBe(200);
  });
});
