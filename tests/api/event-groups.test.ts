import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as tracesRoute from "@/app/api/v1/traces/route";
import * as traceRoute from "@/app/api/v1/traces/[traceId]/route";
import * as sessionsRoute from "@/app/api/v1/sessions/route";
import * as usersRoute from "@/app/api/v1/users/route";
import type { Db } from "@/db/client";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { freshDb, makeProject, type TestProject } from "@/tests/helpers/db";
import { get } from "@/tests/helpers/ingest-client";
import { startRouteServer, type RouteServer } from "@/tests/helpers/route-server";

let server: RouteServer;
let db: Db;
let p: TestProject;
const now = Date.now();

beforeAll(async () => {
  server = await startRouteServer({
    "/api/v1/traces": tracesRoute,
    "/api/v1/traces/[traceId]": traceRoute,
    "/api/v1/sessions": sessionsRoute,
    "/api/v1/users": usersRoute,
  });
});
afterAll(() => server.close());
beforeEach(async () => {
  db = await freshDb();
  p = await makeProject(db);
});

/** Two traces in two sessions of one user, plus an event of another user an hour earlier. */
async function seed() {
  const t0 = now - 10 * 60_000;
  await ingestEvents(db, p.projectId, [
    { id: "a-root", type: "span", name: "handle_request", model: "app", traceId: "trace-a", spanId: "a1", timestamp: t0, latencyMs: 3000, userId: "u1", sessionId: "s1" },
    { id: "a-llm1", type: "llm", model: "gpt-4o", traceId: "trace-a", spanId: "a2", parentSpanId: "a1", timestamp: t0 + 100, latencyMs: 1000, inputTokens: 1000, outputTokens: 100, userId: "u1", sessionId: "s1", hallucination: { flagged: true } },
    { id: "a-llm2", type: "llm", model: "gpt-4o", traceId: "trace-a", spanId: "a3", parentSpanId: "a1", timestamp: t0 + 1200, latencyMs: 500, inputTokens: 500, outputTokens: 50, status: "error", userId: "u1", sessionId: "s1", hallucination: { flagged: false } },
    { id: "b-llm", type: "llm", model: "gpt-4o", traceId: "trace-b", spanId: "b1", timestamp: t0 + 60_000, latencyMs: 200, inputTokens: 10, outputTokens: 5, userId: "u1", sessionId: "s2" },
    { id: "c-llm", type: "llm", model: "claude-sonnet-4", timestamp: now - 3_600_000 - 60_000, latencyMs: 100, userId: "u2", sessionId: "s3", environment: "staging" },
  ]);
}

describe("GET /api/v1/traces", () => {
  it("totals each trace and names it after its root span, newest first", async () => {
    await seed();
    const res = await get(server.url, `/api/v1/traces?from=${now - 3_600_000}`, p.key);
    expect(res.status).toBe(200);
    expect(res.json.traces.map((t: { id: string }) => t.id)).toEqual(["trace-b", "trace-a"]);
    const a = res.json.traces[1];
    expect(a).toMatchObject({ rootName: "handle_request", events: 3, llmCalls: 2, errors: 1, inputTokens: 1500, outputTokens: 150, hallucinationRate: 0.5, durationMs: 3000 });
    expect(a.costUsd).toBeCloseTo((1500 * 2.5 + 150 * 10) / 1e6, 9);
    expect(res.json.traces[0]).toMatchObject({ rootName: "gpt-4o", events: 1, hallucinationRate: null });
  });

  it("sorts by a total on request and refuses an unknown sort by name", async () => {
    await seed();
    const res = await get(server.url, `/api/v1/traces?from=${now - 3_600_000}&sort=events&dir=desc`, p.key);
    expect(res.json.traces[0].id).toBe("trace-a");
    const bad = await get(server.url, "/api/v1/traces?sort=nonsense", p.key);
    expect(bad.status).toBe(400);
    expect(bad.json.error.details[0].path).toBe("sort");
  });

  it("answers one trace's totals, 404 for an unknown one", async () => {
    await seed();
    const res = await get(server.url, "/api/v1/traces/trace-a", p.key);
    expect(res.json.trace).toMatchObject({ id: "trace-a", events: 3, errors: 1 });
    expect((await get(server.url, "/api/v1/traces/nope", p.key)).status).toBe(404);
  });
});

describe("GET /api/v1/sessions and /api/v1/users", () => {
  it("groups by session and by end user within the range and environment", async () => {
    await seed();
    const sessions = await get(server.url, `/api/v1/sessions?from=${now - 3_600_000}`, p.key);
    expect(sessions.json.sessions.map((s: { id: string; events: number }) => [s.id, s.events])).toEqual([["s2", 1], ["s1", 3]]);
    const users = await get(server.url, `/api/v1/users?from=${now - 2 * 3_600_000}&sort=events`, p.key);
    expect(users.json.users.map((u: { id: string; events: number; llmCalls: number }) => [u.id, u.events, u.llmCalls])).toEqual([["u1", 4, 3], ["u2", 1, 1]]);
    const staging = await get(server.url, `/api/v1/users?from=${now - 2 * 3_600_000}&environment=staging`, p.key);
    expect(staging.json.users.map((u: { id: string }) => u.id)).toEqual(["u2"]);
  });

  it("needs telemetry:read", async () => {
    const ingestOnly = await makeProject(db, ["ingest"]);
    expect((await get(server.url, "/api/v1/sessions", ingestOnly.key)).status).toBe(403);
    expect((await get(server.url, "/api/v1/users")).status).toBe(401);
  });
});
