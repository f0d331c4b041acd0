import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as eventsRoute from "@/app/api/v1/events/route";
import type { Db } from "@/db/client";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { freshDb, makeProject, type TestProject } from "@/tests/helpers/db";
import { get } from "@/tests/helpers/ingest-client";
import { startRouteServer, type RouteServer } from "@/tests/helpers/route-server";

let server: RouteServer;
let db: Db;
let p: TestProject;

beforeAll(async () => {
  server = await startRouteServer({ "/api/v1/events": eventsRoute });
});
afterAll(() => server.close());
beforeEach(async () => {
  db = await freshDb();
  p = await makeProject(db);
});

describe("GET /api/v1/events order and environment", () => {
  it("lists a page strictly newest first even when events arrived out of order", async () => {
    const now = Date.now();
    // Recent events are keyed by arrival (docs/adr/0022): send them oldest-last, in separate batches.
    const offsets = [5_000, 40_000, 1_000, 25_000, 12_000];
    for (const [i, off] of offsets.entries()) {
      await ingestEvents(db, p.projectId, [{ id: `e${i}`, type: "llm", model: "m", timestamp: now - off, latencyMs: 1 }]);
    }
    const res = await get(server.url, `/api/v1/events?from=${now - 60_000}`, p.key);
    const ts = res.json.events.map((e: { timestamp: string }) => Date.parse(e.timestamp));
    expect(ts).toHaveLength(5);
    expect(ts).toEqual([...ts].sort((a, b) => b - a));
  });

  it("filters by environment, in scans and in whole traces", async () => {
    const now = Date.now();
    await ingestEvents(db, p.projectId, [
      { id: "prod", type: "llm", model: "m", timestamp: now - 1000, latencyMs: 1, environment: "production", traceId: "t1", spanId: "a" },
      { id: "stage", type: "llm", model: "m", timestamp: now - 2000, latencyMs: 1, environment: "staging", traceId: "t1", spanId: "b" },
    ]);
    const scan = await get(server.url, `/api/v1/events?environment=staging&from=${now - 60_000}`, p.key);
    expect(scan.json.events.map((e: { id: string }) => e.id)).toEqual(["stage"]);
    const trace = await get(server.url, `/api/v1/events?traceId=t1&environment=production`, p.key);
    expect(trace.json.events.map((e: { id: string }) => e.id)).toEqual(["prod"]);
    const bad = await get(server.url, `/api/v1/events?environment=`, p.key);
    expect(bad.status).toBe(400);
    expect(bad.json.error.details[0].path).toBe("environment");
  });
});
