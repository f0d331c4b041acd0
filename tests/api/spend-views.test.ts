import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as ingestRoute from "@/app/api/v1/ingest/route";
import * as spendRoute from "@/app/api/v1/spend/route";
import * as budgetsRoute from "@/app/api/v1/budgets/route";
import * as budgetRoute from "@/app/api/v1/budgets/[id]/route";
import type { Db } from "@/db/client";
import { freshDb, makeProject, type TestProject } from "@/tests/helpers/db";
import { get, llmEvent, post, send as sendRequest } from "@/tests/helpers/ingest-client";
import { startRouteServer, type RouteServer } from "@/tests/helpers/route-server";

/** Spend views beyond the rollups: top spenders by user / session / environment / tag, and budgets. */
let server: RouteServer;
let db: Db;
let p: TestProject;
const H = 3_600_000;

beforeAll(async () => {
  server = await startRouteServer({
    "/api/v1/ingest": ingestRoute,
    "/api/v1/spend": spendRoute,
    "/api/v1/budgets": budgetsRoute,
    "/api/v1/budgets/[id]": budgetRoute,
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

describe("spend by end user, session, environment and tag", () => {
  it("ranks the top spenders with their share of the range's cost", async () => {
    const call = (id: string, userId: string | undefined, inputTokens: number, extra: Record<string, unknown> = {}) =>
      llmEvent({ id, model: "gpt-4o", userId, inputTokens, outputTokens: 0, sessionId: `s-${userId ?? "none"}`, tags: ["checkout", `u:${userId}`], ...extra });
    await ingest([
      call("a1", "alice", 1_000_000), call("a2", "alice", 1_000_000), call("b1", "bob", 400_000),
      call("c1", undefined, 100_000, { environment: "staging" }), call("x1", "carol", 0, { model: "no-price-model", inputTokens: 10 }),
    ]);
    const users = (await read("/api/v1/spend?by=user&limit=2")).json;
    // gpt-4o input $2.50 per 1M
    expect(users.totalUsd).toBeCloseTo(6.25, 8);
    expect(users.unpricedCount).toBe(1);
    expect(users.groups.map((g: { key: string }) => g.key)).toEqual(["alice", "bob"]);
    expect(users.groups[0]).toMatchObject({ calls: 2, costUsd: 5 });
    expect(users.groups[0].share).toBeCloseTo(0.8, 12);
    const envs = (await read("/api/v1/spend?by=environment")).json.groups;
    expect(envs.map((g: { key: string; costUsd: number }) => [g.key, g.costUsd])).toEqual([["production", 6], ["staging", 0.25]]);
    const tags = (await read("/api/v1/spend?by=tag")).json.groups;
    expect(tags[0]).toMatchObject({ key: "checkout", calls: 5, costUsd: 6.25 });
    expect((await read("/api/v1/spend?by=session&model=gpt-4o")).json.groups[0]).toMatchObject({ key: "s-alice", calls: 2 });
    const bad = await read("/api/v1/spend?by=country");
    expect(bad.status).toBe(400);
    expect(bad.json.error.details[0].path).toBe("by");
    // It scans events, so the range is bounded.
    const long = await read(`/api/v1/spend?by=user&from=${Date.now() - 40 * 24 * H}`);
    expect(long.status).toBe(400);
    expect(long.json.error.details[0].path).toBe("from");
  });
});

describe("budgets", () => {
  it("reports spend over each rolling window with ok, warning and exceeded states", async () => {
    const now = Date.now();
    // gpt-4o input: $2.50 per 1M. alice: $2.50 today + $5 three days ago; bob: $1 today; tag "batch" on alice's old call.
    await ingest([
      llmEvent({ id: "b1", model: "gpt-4o", userId: "alice", inputTokens: 1_000_000, outputTokens: 0, timestamp: now - H }),
      llmEvent({ id: "b2", model: "gpt-4o", userId: "alice", inputTokens: 2_000_000, outputTokens: 0, timestamp: now - 72 * H, tags: ["batch"] }),
      llmEvent({ id: "b3", model: "gpt-4o", userId: "bob", inputTokens: 400_000, outputTokens: 0, timestamp: now - 2 * H, tags: ["batch", "batch"] }),
    ]);
    const create = (b: Record<string, unknown>) => send("POST", "/api/v1/budgets", b);
    expect((await create({ scope: "project", window: "day", limitUsd: 4 })).status).toBe(201); // $3.50 of $4: warning at 80%
    await create({ scope: "project", window: "week", limitUsd: 8 }); // $8.50: exceeded
    await create({ scope: "user", subject: "alice", window: "day", limitUsd: 10 }); // $2.50: ok
    await create({ scope: "user", subject: "alice", window: "week", limitUsd: 7.5, warnAt: 0.5 }); // $7.50: exceeded (at the limit)
    await create({ scope: "tag", subject: "batch", window: "month", limitUsd: 10, warnAt: 0.5 }); // $6: warning
    const list = (await read("/api/v1/budgets")).json.data;
    expect(list.map((b: { scope: string; window: string; spentUsd: number; state: string }) => [b.scope, b.window, b.spentUsd, b.state])).toEqual([
      ["project", "day", 3.5, "warning"],
      ["project", "week", 8.5, "exceeded"],
      ["user", "day", 2.5, "ok"],
      ["user", "week", 7.5, "exceeded"],
      ["tag", "month", 6, "warning"],
    ]);
    const bad = await create({ scope: "user", window: "day", limitUsd: 1 });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details[0].path).toBe("subject");
    const reader = await makeProject(db, ["read"]);
    expect((await send("POST", "/api/v1/budgets", { scope: "project", window: "day", limitUsd: 1 }, reader.key)).status).toBe(403);
    expect((await send("DELETE", `/api/v1/budgets/${list[0].id}`)).status).toBe(204);
    expect((await read("/api/v1/budgets")).json.data).toHaveLength(4);
  });
});
