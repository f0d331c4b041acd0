import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as otlpRoute from "@/app/api/otlp/v1/traces/route";
import * as eventRoute from "@/app/api/v1/events/[id]/route";
import * as usersRoute from "@/app/api/v1/users/route";
import type { Db } from "@/db/client";
import { traceInheritance } from "@/db/schema";
import { inheritRootAttributes } from "@/lib/otlp/inherit-root-attributes";
import { planInheritance, type StoredSpan } from "@/lib/otlp/plan-inheritance";
import { freshDb, makeProject, type TestProject } from "@/tests/helpers/db";
import { get } from "@/tests/helpers/ingest-client";
import { startRouteServer, type RouteServer } from "@/tests/helpers/route-server";
import { jsonRequest, jsonSpan } from "./helpers";

const PATH = "/api/otlp/v1/traces";
const TRACE = "0af7651916cd43dd8448eb211c80319c";
const ROOT = "00000000000000a1";
let server: RouteServer;
let db: Db;
let project: TestProject;

beforeAll(async () => {
  server = await startRouteServer({ [PATH]: otlpRoute, "/api/v1/events/[id]": eventRoute, "/api/v1/users": usersRoute });
});
afterAll(() => server.close());
beforeEach(async () => {
  db = await freshDb();
  project = await makeProject(db);
});

async function exportSpans(spans: unknown[]) {
  const res = await fetch(`${server.url}${PATH}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${project.key}` },
    body: JSON.stringify(jsonRequest(spans)),
  });
  expect(res.status).toBe(200);
}

const rootSpan = () => jsonSpan({ "user.id": "u-42", "session.id": "s-7", "langfuse.environment": "staging", "langfuse.trace.tags": '["beta"]' }, { traceId: TRACE, spanId: ROOT });
const llmSpan = (spanId: string, attrs: Record<string, string> = {}) =>
  jsonSpan({ "gen_ai.operation.name": "chat", "gen_ai.request.model": "gpt-4o", ...attrs }, { traceId: TRACE, spanId, parentSpanId: ROOT });
const eventOf = async (spanId: string) => (await get(server.url, `/api/v1/events/${TRACE}:${spanId}`, project.key)).json;

describe("root attributes across OTLP exports", () => {
  it("reach spans stored in an earlier export once the root arrives, with their source in the provenance", async () => {
    await exportSpans([llmSpan("00000000000000b2"), llmSpan("00000000000000b3", { "user.id": "own-user" })]);
    expect((await eventOf("00000000000000b2")).userId).toBeNull();
    await exportSpans([rootSpan()]);
    const run = await inheritRootAttributes(db, Date.now());
    expect(run).toMatchObject({ traces: 1, updated: 2, waiting: 0 });
    const child = await eventOf("00000000000000b2");
    expect(child).toMatchObject({ userId: "u-42", sessionId: "s-7", environment: "staging", tags: ["beta"] });
    expect(child.otel.mapped.userId).toBe(`root span ${ROOT}`);
    // A value the span set itself is kept.
    expect((await eventOf("00000000000000b3")).userId).toBe("own-user");
    // The users list now counts the earlier span under the root's user (the other keeps its own), and the queue is empty.
    const users = await get(server.url, `/api/v1/users?from=${Date.now() - 3_600_000}`, project.key);
    const events = Object.fromEntries(users.json.users.map((u: { id: string; events: number }) => [u.id, u.events]));
    expect(events).toEqual({ "u-42": 2, "own-user": 1 });
    expect(await db.orm.select().from(traceInheritance)).toEqual([]);
  });

  it("reach spans exported after the root", async () => {
    await exportSpans([rootSpan()]);
    await inheritRootAttributes(db, Date.now());
    await exportSpans([llmSpan("00000000000000c4")]);
    expect((await eventOf("00000000000000c4")).sessionId).toBeNull();
    await inheritRootAttributes(db, Date.now());
    expect(await eventOf("00000000000000c4")).toMatchObject({ userId: "u-42", sessionId: "s-7", environment: "staging" });
  });

  it("waits with backoff while the root has not come, and gives up a day after the trace's last export", async () => {
    await exportSpans([llmSpan("00000000000000d5")]);
    const now = Date.now();
    expect(await inheritRootAttributes(db, now)).toMatchObject({ traces: 1, waiting: 1 });
    // Backed off: not due again right away.
    expect(await inheritRootAttributes(db, now + 1_000)).toMatchObject({ traces: 0 });
    expect(await inheritRootAttributes(db, now + 6_000)).toMatchObject({ traces: 1, waiting: 1 });
    await inheritRootAttributes(db, now + 86_400_000 + 60_000);
    expect(await db.orm.select().from(traceInheritance)).toEqual([]);
  });

  it("enqueues nothing for a whole trace in one export whose root gives nothing", async () => {
    await exportSpans([jsonSpan({}, { traceId: TRACE, spanId: ROOT }), llmSpan("00000000000000e6")]);
    expect(await db.orm.select().from(traceInheritance)).toEqual([]);
  });
});

describe("planInheritance", () => {
  const span = (over: Partial<StoredSpan>): StoredSpan => ({ id: 1, spanId: "x", parentSpanId: ROOT, userId: null, sessionId: null, environment: "production", tags: undefined, mapped: {}, ...over });
  const root = span({ id: 0, spanId: ROOT, parentSpanId: null, userId: "u", environment: "staging", mapped: { environment: "deployment.environment" }, tags: ["t"] });

  it("fills only what a span lacks; an environment only when the root's came from an attribute", () => {
    const plan = planInheritance([root, span({ id: 1 }), span({ id: 2, userId: "mine", tags: [], mapped: { environment: "deployment.environment" }, environment: "dev" })]);
    expect(plan).toEqual({
      root: ROOT,
      updates: [{ id: 1, userId: "u", environment: "staging", tags: ["t"], inherited: { userId: `root span ${ROOT}`, environment: `root span ${ROOT}`, tags: `root span ${ROOT}` } }],
    });
    const defaultEnvRoot = { ...root, mapped: {} };
    expect(planInheritance([defaultEnvRoot, span({ id: 1 })])).toMatchObject({ updates: [{ id: 1, inherited: { userId: `root span ${ROOT}`, tags: `root span ${ROOT}` } }] });
  });

  it("has no root without exactly one parentless span", () => {
    expect(planInheritance([span({ id: 1 })])).toEqual({ root: null });
    expect(planInheritance([root, { ...root, id: 5, spanId: "other" }])).toEqual({ root: null });
  });
});
