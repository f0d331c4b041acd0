import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as metricsRoute from "@/app/api/v1/metrics/route";
import * as ingestRoute from "@/app/api/v1/ingest/route";
import { freshDb, makeProject } from "@/tests/helpers/db";
import { get, llmEvent, post } from "@/tests/helpers/ingest-client";
import { startRouteServer, type RouteServer } from "@/tests/helpers/route-server";

let server: RouteServer;
beforeAll(async () => {
  process.env.SIGHTLINE_API_KEY_RATE_LIMIT = "0.1"; // one request per 10 s, bursts of 2: nothing refills during the test
  server = await startRouteServer({ "/api/v1/metrics": metricsRoute, "/api/v1/ingest": ingestRoute });
});
afterAll(async () => {
  delete process.env.SIGHTLINE_API_KEY_RATE_LIMIT;
  await server.close();
});

describe("rate limit per API key", () => {
  it("answers 429 with Retry-After in the error shape once a key's burst is spent; other keys are unaffected", async () => {
    const db = await freshDb();
    const a = await makeProject(db);
    const b = await makeProject(db);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await get(server.url, "/api/v1/metrics", a.key)).status);
    expect(statuses).toEqual([200, 200, 429, 429]);
    const res = await fetch(`${server.url}/api/v1/metrics`, { headers: { authorization: `Bearer ${a.key}` } });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(9);
    expect((await res.json()).error).toMatchObject({ code: "rate_limited" });
    expect((await post(server.url, "/api/v1/ingest", { events: [llmEvent()] }, { key: a.key })).status).toBe(429);
    expect((await get(server.url, "/api/v1/metrics", b.key)).status).toBe(200);
  });
});
