import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { eq } from "drizzle-orm";
import { jobLease } from "@/db/schema";
import { EVALUATE_JOB, evaluateAlertRulesNow, evaluateProjectRules } from "@/lib/alerts/evaluate/evaluate-rules";
import { acquireLease, releaseLease } from "@/lib/scheduler/lease";
import { getIncidentSeries } from "@/lib/alerts/incidents/get-incident-series";
import { listIncidents } from "@/lib/alerts/incidents/list-incidents";
import { backtestAlertRule } from "@/lib/alerts/rules/backtest-rule";
import { createRuleSchema } from "@/lib/alerts/rules/rule-schema";
import { freshDb, makeProject, testContext, type TestProject } from "@/tests/helpers/db";
import { at, calls, rule, T0 } from "./fixtures";

let db: Db;
let p: TestProject;

beforeEach(async () => {
  db = await freshDb();
  p = await makeProject(db);
});

const kinds = async (t: number) => (await evaluateProjectRules(db, p.projectId, t)).map((x) => x.kind);

describe("evaluation against stored telemetry", () => {
  it("relative mode: p95 latency up more than 50% on the previous window fires; a steady one does not", async () => {
    await rule(db, p.projectId, { name: "p95 doubled", metric: "latency_p95", comparator: ">", threshold: 50, relative: { baseline: "previous_window" } });
    await calls(db, p.projectId, T0 - 8 * 60_000, 30, { latencyMs: 200 });
    await calls(db, p.projectId, T0 - 3 * 60_000, 30, { latencyMs: 210 });
    expect(await kinds(at(0))).toEqual([]);
    await calls(db, p.projectId, T0 + 2 * 60_000, 30, { latencyMs: 450 });
    const [t] = await evaluateProjectRules(db, p.projectId, at(5));
    expect(t.kind).toBe("firing");
    expect(t.value).toBeGreaterThan(100);
  });

  it("relative mode against last week reads the same window seven days earlier", async () => {
    await rule(db, p.projectId, { name: "volume vs last week", metric: "request_count", comparator: "<", threshold: -50, relative: { baseline: "last_week" } });
    await calls(db, p.projectId, T0 - 7 * 86_400_000 - 120_000, 40);
    await calls(db, p.projectId, T0 - 120_000, 10);
    const [t] = await evaluateProjectRules(db, p.projectId, at(0));
    expect(t).toMatchObject({ kind: "firing", value: -75 });
  });

  it("minimum samples: a 100% error rate on 3 calls does not fire a rule that needs 20", async () => {
    await rule(db, p.projectId, { minSamples: 20 });
    await calls(db, p.projectId, T0 - 120_000, 3, { errors: 3 });
    expect(await kinds(at(0))).toEqual([]);
    await calls(db, p.projectId, T0 - 60_000, 20, { errors: 10 });
    expect(await kinds(at(0) + 30_000)).toEqual(["firing"]);
  });

  it("pending: fires only after the 'for' period of consecutive breaching evaluations", async () => {
    await rule(db, p.projectId, { pendingSeconds: 60 });
    await calls(db, p.projectId, T0 - 240_000, 20, { errors: 10 });
    expect(await kinds(at(0))).toEqual(["pending"]);
    expect(await kinds(at(0) + 30_000)).toEqual([]);
    expect(await kinds(at(1))).toEqual(["firing"]);
    const [incident] = (await listIncidents(testContext(db, p.projectId), { limit: 10 })).incidents;
    expect(incident.history.map((h) => h.kind)).toEqual(["pending", "firing"]);
  });

  it("no data 'alert': a silent model opens a no_data incident that data resolves", async () => {
    await rule(db, p.projectId, { noData: "alert" });
    expect(await kinds(at(0))).toEqual(["no_data"]);
    expect(await kinds(at(0) + 30_000)).toEqual([]);
    await calls(db, p.projectId, T0 + 60_000, 10);
    expect(await kinds(at(2))).toEqual(["resolved"]);
  });

  it("no data 'ignore' (the default) opens nothing", async () => {
    await rule(db, p.projectId);
    expect(await kinds(at(0))).toEqual([]);
    expect((await listIncidents(testContext(db, p.projectId), { limit: 10 })).incidents).toEqual([]);
  });

  it("scopes on environment read events (rollups have no environment)", async () => {
    await rule(db, p.projectId, { scope: { model: "gpt-4o", environment: "staging" } });
    await calls(db, p.projectId, T0 - 120_000, 20, { errors: 20, environment: "production" });
    await calls(db, p.projectId, T0 - 120_000, 20, { errors: 0, environment: "staging" });
    expect(await kinds(at(0))).toEqual([]);
    await calls(db, p.projectId, T0 - 60_000, 20, { errors: 20, environment: "staging" });
    expect(await kinds(at(0) + 30_000)).toEqual(["firing"]);
  });

  it("group-by opens one incident per group", async () => {
    await rule(db, p.projectId, { scope: {}, groupBy: "model" });
    await calls(db, p.projectId, T0 - 120_000, 20, { errors: 10, model: "a" });
    await calls(db, p.projectId, T0 - 120_000, 20, { errors: 0, model: "b" });
    await calls(db, p.projectId, T0 - 120_000, 20, { errors: 15, model: "c" });
    const ts = await evaluateProjectRules(db, p.projectId, at(0));
    expect(ts.map((t) => [t.kind, t.labels.model]).sort()).toEqual([["firing", "a"], ["firing", "c"]]);
  });
});

describe("backtest", () => {
  it("replays a draft rule over 7 days and reports the incidents it would have opened", async () => {
    const now = at(0);
    await calls(db, p.projectId, T0 - 2 * 86_400_000, 20, { errors: 15 });
    await calls(db, p.projectId, T0 - 86_400_000, 20, { errors: 0 });
    const draft = createRuleSchema.parse({ name: "draft", metric: "error_rate", scope: { model: "gpt-4o" }, windowSeconds: 1800, comparator: ">", threshold: 0.2 });
    const r = await backtestAlertRule(testContext(db, p.projectId, { now }), draft);
    expect(r.stepMs).toBe(1_800_000);
    expect(r.series).toHaveLength(1);
    expect(r.series[0].points.filter((x) => x.value !== null).map((x) => x.value)).toEqual([0.75, 0]);
    expect(r.incidents).toHaveLength(1);
    expect(r.incidents[0]).toMatchObject({ severity: "critical", noData: false });
    expect(r.incidents[0].startedAt).toBeLessThan(T0 - 86_400_000);
  });
});

describe("evaluate now", () => {
  it("waits for a scheduled pass holding the lease, then runs under it", async () => {
    await rule(db, p.projectId, { noData: "alert" });
    expect(await acquireLease(db, EVALUATE_JOB, "scheduler-elsewhere", Date.now(), 60_000, true)).toBe(true);
    setTimeout(() => void releaseLease(db, EVALUATE_JOB, "scheduler-elsewhere", Date.now(), Date.now() + 30_000, null), 300);
    const r = await evaluateAlertRulesNow(testContext(db, p.projectId, { now: at(0) }), "api:test");
    expect(r.transitions.map((t) => t.kind)).toEqual(["no_data"]);
    const [lease] = await db.orm.select().from(jobLease).where(eq(jobLease.name, EVALUATE_JOB));
    expect(lease.holder).toBeNull();
  });
});

describe("incident series", () => {
  it("reads the rule's metric for the incident's group around it", async () => {
    await rule(db, p.projectId, { scope: {}, groupBy: "model" });
    await calls(db, p.projectId, T0 - 120_000, 20, { errors: 10, model: "a" });
    await calls(db, p.projectId, T0 - 120_000, 20, { errors: 2, model: "b" });
    const [t] = await evaluateProjectRules(db, p.projectId, at(0));
    const s = await getIncidentSeries(testContext(db, p.projectId, { now: at(30) }), { id: t.incidentId! });
    expect(s).toMatchObject({ threshold: 0.2, metric: "error_rate", relative: false, stepMs: 60_000 });
    const values = s.points.filter((x) => x.value !== null).map((x) => x.value);
    expect(new Set(values)).toEqual(new Set([0.5]));
    expect(s.points[0].t).toBe(at(0) - 3_600_000);
  });
});
