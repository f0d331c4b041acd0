import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as rules from "@/app/api/v1/alert-rules/route";
import * as evaluate from "@/app/api/v1/alert-rules/evaluate/route";
import type { Db } from "@/db/client";
import { listIncidents } from "@/lib/alerts/incidents/list-incidents";
import { backtestAlertRule } from "@/lib/alerts/rules/backtest-rule";
import { createRuleSchema } from "@/lib/alerts/rules/rule-schema";
import { EVALUATE_JOB } from "@/lib/alerts/evaluate/evaluate-rules";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { JOBS } from "@/lib/scheduler/jobs";
import { Scheduler } from "@/lib/scheduler/scheduler";
import { createBudget, listBudgets } from "@/lib/spend/budgets";
import { freshDb, makeProject, testContext, type TestProject } from "@/tests/helpers/db";
import { post } from "@/tests/helpers/ingest-client";
import { startRouteServer, type RouteServer } from "@/tests/helpers/route-server";
import { rule } from "./fixtures";

/** Spend in alerts: cost per end user, rules that watch a budget, and tokens counted as the invoice counts them. */
let db: Db;
let p: TestProject;
let server: RouteServer;
const D = 86_400_000;
const M = 60_000;
/** A whole minute 20 days ago: budgets' 7-day windows and the day after fit before now. */
const T = Math.floor(Date.now() / M) * M - 20 * D;
let seq = 0;

beforeAll(async () => {
  server = await startRouteServer({ "/api/v1/alert-rules": rules, "/api/v1/alert-rules/evaluate": evaluate });
});
afterAll(() => server.close());
beforeEach(async () => {
  db = await freshDb();
  p = await makeProject(db);
});

async function spend(user: string, ts: number, usd: number, extra: Record<string, unknown> = {}) {
  const r = await ingestEvents(db, p.projectId, [{ id: `s${++seq}`, type: "llm", model: "gpt-4o", timestamp: ts, latencyMs: 100, inputTokens: 10, outputTokens: 5, costUsd: usd, userId: user, ...extra }]);
  expect(r.accepted).toBe(1);
}

async function pass(t: number) {
  const job = JOBS.find((j) => j.name === EVALUATE_JOB)!;
  expect((await new Scheduler([job], () => db, () => t).runJob(job, { force: true })).ran).toBe(true);
  return (await listIncidents(testContext(db, p.projectId), { limit: 10 })).incidents;
}

describe("cost_usd per user", () => {
  it("a one-day rule grouped by user opens an incident for the user over the limit only, and resolves when the day passes", async () => {
    await spend("alice", T + M, 2.5);
    await spend("alice", T + 2 * M, 1);
    await spend("bob", T + M, 0.4);
    await rule(db, p.projectId, { name: "user spend", metric: "cost_usd", scope: {}, groupBy: "user", windowSeconds: 86_400, comparator: ">", threshold: 3, noData: "resolve" });
    const fired = await pass(T + 3 * M + 40_000);
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ state: "firing", labels: { user: "alice" }, value: 3.5 });
    expect((await pass(T + D + 4 * M))[0]).toMatchObject({ state: "resolved" });
  });
});

describe("cost_usd on a budget", () => {
  it("reads the budget's own 7-day spend: warning, then critical, then resolved once the spend leaves the window; the page shows the same figure", async () => {
    const b = await createBudget(testContext(db, p.projectId, { now: T }), { scope: "user", subject: "alice", window: "week", limitUsd: 5, warnAt: 0.5 });
    const r = await post(server.url, "/api/v1/alert-rules", {
      name: "alice weekly budget", metric: "cost_usd", scope: { budgetId: b.id }, windowSeconds: 3600, comparator: ">=", threshold: 5, warningThreshold: 2.5,
    }, { key: p.key });
    expect(r.status, JSON.stringify(r.json)).toBe(201);

    await spend("alice", T + M, 3);
    await spend("bob", T + M, 50);
    const warned = await pass(T + 2 * D);
    expect(warned[0]).toMatchObject({ state: "firing", severity: "warning", value: 3, labels: { budget: "user=alice", window: "week" } });
    // Three days later, more spend: over the limit across the 7 days, though no single day is.
    await spend("alice", T + 3 * D, 2.5);
    const critical = await pass(T + 3 * D + M);
    expect(critical[0]).toMatchObject({ state: "firing", severity: "critical", value: 5.5 });
    const page = (await listBudgets(testContext(db, p.projectId, { now: T + 3 * D + M }))).data[0];
    expect(page).toMatchObject({ spentUsd: 5.5, state: "exceeded" });
    // Ten days after the last call the 7-day window is empty: $0, recovered.
    expect((await pass(T + 10 * D + M))[0]).toMatchObject({ state: "resolved", value: 0 });
  });

  it("refuses a budget rule on another metric, with other scope fields, a group-by or an unknown budget, naming the field", async () => {
    const b = await createBudget(testContext(db, p.projectId), { scope: "project", window: "day", limitUsd: 10, warnAt: 0.8 });
    const base = { name: "b", metric: "cost_usd", windowSeconds: 3600, comparator: ">", threshold: 10 };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, metric: "tokens", scope: { budgetId: b.id } }, "scope.budgetId"],
      [{ ...base, scope: { budgetId: b.id, model: "gpt-4o" } }, "scope.budgetId"],
      [{ ...base, scope: { budgetId: b.id }, groupBy: "user" }, "groupBy"],
      [{ ...base, scope: { budgetId: 999 } }, "scope.budgetId"],
    ];
    for (const [body, path] of cases) {
      const res = await post(server.url, "/api/v1/alert-rules", body, { key: p.key });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.details[0].path).toBe(path);
    }
  });
});

describe("tokens", () => {
  it("counts input + output once: cache reads, cache writes and reasoning are inside them, not added", async () => {
    // Recent, so the rule reads minute rollups like a live one (old ranges read hour rollups).
    await spend("alice", Date.now() - 2 * 3_600_000, 0.01, { inputTokens: 48_183, cacheReadInputTokens: 47_105, cacheCreationInputTokens: 1_076, outputTokens: 714, reasoningTokens: 200 });
    const draft = createRuleSchema.parse({ name: "t", metric: "tokens", windowSeconds: 3600, comparator: ">", threshold: 1e6 });
    const r = await backtestAlertRule(testContext(db, p.projectId), draft);
    expect(r.series[0].points.filter((x) => x.value !== null && x.value > 0).map((x) => x.value)).toEqual([48_183 + 714]);
  });
});
