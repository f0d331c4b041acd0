import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { EVALUATE_JOB } from "@/lib/alerts/evaluate/evaluate-rules";
import { listIncidents } from "@/lib/alerts/incidents/list-incidents";
import { backtestAlertRule } from "@/lib/alerts/rules/backtest-rule";
import { createRuleSchema } from "@/lib/alerts/rules/rule-schema";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { claimNextItem } from "@/lib/review/claim-item";
import { enqueueItems } from "@/lib/review/enqueue-items";
import { submitVerdict } from "@/lib/review/submit-verdict";
import { JOBS } from "@/lib/scheduler/jobs";
import { Scheduler } from "@/lib/scheduler/scheduler";
import { freshDb, makeProject, testContext, type TestProject } from "@/tests/helpers/db";
import { makeMember, makeQueue, type Member } from "@/tests/review/helpers";
import { rule } from "./fixtures";

/**
 * The metrics wired in after the review, ML quality and spend branches merged: each one opens an
 * incident through the scheduler's real evaluation job when its data crosses the threshold, resolves
 * it when the data recovers, and backtests.
 */
let db: Db;
let p: TestProject;
const H = 3_600_000;
const hourNow = Date.now() - (Date.now() % H);

beforeEach(async () => {
  db = await freshDb();
  p = await makeProject(db);
});

/** One pass of the scheduler's alert-evaluate job at `t`, then the rule's incidents (newest first). */
async function pass(t: number) {
  const job = JOBS.find((j) => j.name === EVALUATE_JOB)!;
  expect((await new Scheduler([job], () => db, () => t).runJob(job, { force: true })).ran).toBe(true);
  return (await listIncidents(testContext(db, p.projectId), { limit: 10 })).incidents;
}

async function runJob(name: string, t: number) {
  const job = JOBS.find((j) => j.name === name)!;
  expect((await new Scheduler([job], () => db, () => t).runJob(job, { force: true })).ran).toBe(true);
}

/** Ingests LLM calls (with a latency, which the llm schema requires) and insists every one was accepted. */
async function llm(events: Record<string, unknown>[]) {
  expect((await ingestEvents(db, p.projectId, events.map((e) => ({ latencyMs: 100, ...e })))).accepted).toBe(events.length);
}

const backtest = (t: number, over: Record<string, unknown>) =>
  backtestAlertRule(testContext(db, p.projectId, { now: t }), createRuleSchema.parse({ name: "draft", comparator: ">", ...over }));

describe("review_backlog", () => {
  let engineer: Member;
  let reviewer: Member;
  beforeEach(async () => {
    engineer = await makeMember(db, p.projectId, "engineer");
    reviewer = await makeMember(db, p.projectId, "reviewer");
  });

  it("a queue's pending items above the threshold fire; reviewing them resolves", async () => {
    const ts = Date.now() - 10 * 60_000;
    await llm(Array.from({ length: 4 }, (_, i) => ({ id: `b${i}`, type: "llm", model: "gpt-4o", timestamp: ts + i, input: "q", output: "a" })));
    const q = await makeQueue(engineer.ctx());
    const other = await makeQueue(engineer.ctx());
    await enqueueItems(engineer.ctx(), { queueId: q.id, eventIds: ["b0", "b1", "b2", "b3"] });
    await enqueueItems(engineer.ctx(), { queueId: other.id, eventIds: ["b0", "b1", "b2", "b3"] });
    await rule(db, p.projectId, { name: "backlog", metric: "review_backlog", scope: { queueId: q.id }, comparator: ">", threshold: 2 });

    const fired = await pass(Date.now());
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ state: "firing", value: 4, labels: { queue: q.name } });

    for (let i = 0; i < 2; i++) {
      const item = (await claimNextItem(reviewer.ctx(), { queueId: q.id }))!;
      await submitVerdict(reviewer.ctx(), { itemId: item.id, values: { hallucination: false } });
    }
    // The other queue's four pending items do not count for this rule.
    const [after] = await pass(Date.now() + 60_000);
    expect(after).toMatchObject({ state: "resolved", value: 2 });
  });

  it("the backtest reads the current level at every step; a queue scope is refused on other metrics", async () => {
    const q = await makeQueue(engineer.ctx());
    const r = await backtest(Date.now(), { metric: "review_backlog", scope: { queueId: q.id }, windowSeconds: 3600, threshold: 10 });
    expect(r.series[0].points.every((x) => x.value === 0)).toBe(true);
    expect(r.incidents).toEqual([]);
    expect(createRuleSchema.safeParse({ name: "x", metric: "error_rate", scope: { queueId: q.id }, windowSeconds: 60, comparator: ">", threshold: 1 }).success).toBe(false);
  });
});

describe("confirmed_hallucination_rate", () => {
  it("fires on a prompt version whose human-confirmed rate crosses the threshold with enough verdicts, resolves on the next window", async () => {
    const engineer = await makeMember(db, p.projectId, "engineer");
    const reviewer = await makeMember(db, p.projectId, "reviewer");
    const t1 = hourNow - 3 * H;
    // Window 1: 4 events of prompt "answer" v2, 3 confirmed hallucinations. Window 2: 4 events, none.
    const events = [0, 1].flatMap((w) => Array.from({ length: 4 }, (_, i) => ({
      id: `h${w}-${i}`, type: "llm", model: "gpt-4o", promptId: "answer", promptVersion: 2, timestamp: t1 + w * H + 60_000 + i, input: "q", output: "a",
      hallucination: { flagged: false, score: 0.1 },
    })));
    await llm(events);
    const q = await makeQueue(engineer.ctx());
    await enqueueItems(engineer.ctx(), { queueId: q.id, eventIds: events.map((e) => e.id) });
    for (let i = 0; i < events.length; i++) {
      const item = (await claimNextItem(reviewer.ctx(), { queueId: q.id }))!;
      const id = item.event.id;
      await submitVerdict(reviewer.ctx(), { itemId: item.id, values: { hallucination: /^h0-[012]$/.test(id) } });
    }
    await rule(db, p.projectId, {
      name: "confirmed", metric: "confirmed_hallucination_rate", scope: { promptId: "answer", promptVersion: 2 }, groupBy: "promptVersion",
      windowSeconds: 3600, comparator: ">", threshold: 0.5, minSamples: 3,
    });
    const at = (w: number) => t1 + (w + 1) * H + 40_000;
    const fired = await pass(at(0));
    expect(fired[0]).toMatchObject({ state: "firing", value: 0.75, labels: { prompt: "answer", promptVersion: "2" } });
    const [resolved] = await pass(at(1));
    expect(resolved).toMatchObject({ state: "resolved", value: 0 });

    const bt = await backtest(at(1), { metric: "confirmed_hallucination_rate", scope: { promptId: "answer" }, windowSeconds: 3600, threshold: 0.5, minSamples: 3 });
    expect(bt.incidents).toHaveLength(1);
    expect(bt.incidents[0].endedAt).not.toBeNull();
  });

  it("the minimum-sample guard counts reviewed events: 1 confirmed of 1 does not fire a rule needing 3", async () => {
    const engineer = await makeMember(db, p.projectId, "engineer");
    const reviewer = await makeMember(db, p.projectId, "reviewer");
    const ts = hourNow - 2 * H + 60_000;
    await llm([{ id: "one", type: "llm", model: "gpt-4o", timestamp: ts, input: "q", output: "a" }]);
    const q = await makeQueue(engineer.ctx());
    await enqueueItems(engineer.ctx(), { queueId: q.id, eventIds: ["one"] });
    const item = (await claimNextItem(reviewer.ctx(), { queueId: q.id }))!;
    await submitVerdict(reviewer.ctx(), { itemId: item.id, values: { hallucination: true } });
    await rule(db, p.projectId, { name: "c", metric: "confirmed_hallucination_rate", scope: { model: "gpt-4o" }, windowSeconds: 3600, comparator: ">", threshold: 0.5, minSamples: 3 });
    expect(await pass(hourNow - H + 40_000)).toEqual([]);
  });
});

describe("drift_share and feature_drift", () => {
  const base = hourNow - 6 * H;
  /** 120 predictions of `fraud` in hour `h`, `amount` shifted by `shift`. */
  const hour = (h: number, shift: number) => Array.from({ length: 120 }, (_, i) => ({
    id: `d${h}-${i}`, type: "prediction", model: "fraud", timestamp: base + h * H + i * 1000,
    features: { amount: (i % 60) + shift, channel: ["web", "app", "pos"][i % 3] }, prediction: i % 2,
  }));

  async function seedDrift() {
    await ingestEvents(db, p.projectId, [...hour(0, 0), ...hour(1, 0), ...hour(2, 40)]);
    await runJob("compute-drift-windows", base + 3 * H + 60_000);
    // Hour 3 is back to normal (it still drifts against the shifted hour 2, the default reference); hour 4 matches hour 3.
    await ingestEvents(db, p.projectId, [...hour(3, 0), ...hour(4, 0)]);
    await runJob("compute-drift-windows", base + 5 * H + 60_000);
  }

  it("drift_share: the hour whose share crosses 0.4 fires, a calm hour resolves; the backtest sees the same incident", async () => {
    await seedDrift();
    await rule(db, p.projectId, { name: "drift", metric: "drift_share", scope: { model: "fraud" }, windowSeconds: 300, comparator: ">=", threshold: 0.4, minSamples: 100 });
    expect(await pass(base + 2 * H + 40_000)).toEqual([]);
    expect((await pass(base + 3 * H + 40_000))[0]).toMatchObject({ state: "firing", value: 0.5 });
    const [resolved] = await pass(base + 5 * H + 40_000);
    expect(resolved).toMatchObject({ state: "resolved", value: 0 });

    const bt = await backtest(base + 6 * H, { metric: "drift_share", scope: { model: "fraud" }, windowSeconds: 3600, threshold: 0.4 });
    expect(bt.incidents).toHaveLength(1);
    expect(bt.incidents[0]).toMatchObject({ startedAt: expect.any(Number), endedAt: expect.any(Number) });
  });

  it("feature_drift watches one feature's statistic, per model; a rule without a feature is refused", async () => {
    await seedDrift();
    await rule(db, p.projectId, { name: "amount", metric: "feature_drift", scope: { feature: "amount" }, groupBy: "model", windowSeconds: 3600, comparator: ">", threshold: 0.5 });
    const [fired] = await pass(base + 3 * H + 40_000);
    expect(fired).toMatchObject({ state: "firing", labels: { model: "fraud" } });
    expect(fired.value).toBeGreaterThan(0.5);
    expect((await pass(base + 5 * H + 40_000))[0]).toMatchObject({ state: "resolved", value: 0 });
    const bt = await backtest(base + 6 * H, { metric: "feature_drift", scope: { model: "fraud", feature: "amount" }, windowSeconds: 3600, threshold: 0.5 });
    expect(bt.incidents).toHaveLength(1);
    expect(createRuleSchema.safeParse({ name: "x", metric: "feature_drift", scope: { model: "fraud" }, windowSeconds: 60, comparator: ">", threshold: 1 }).success).toBe(false);
  });
});

describe("accuracy", () => {
  const base = hourNow - 4 * H;
  /** `n` predictions of `churn` and their labels arriving in hour `h`, `wrong` of them mislabelled. */
  const labelled = (h: number, n: number, wrong: number) => Array.from({ length: n }, (_, i) => [
    { id: `p${h}-${i}`, type: "prediction", model: "churn", timestamp: base + h * H, prediction: "yes" },
    { id: `l${h}-${i}`, type: "label", model: "churn", targetId: `p${h}-${i}`, label: i < wrong ? "no" : "yes", timestamp: base + h * H + 60_000 + i },
  ]).flat();

  it("labels arriving in the window with accuracy below 0.8 fire; a good hour of labels resolves; too few labels do nothing", async () => {
    await ingestEvents(db, p.projectId, [...labelled(0, 2, 2), ...labelled(1, 10, 5), ...labelled(2, 10, 0)]);
    await rule(db, p.projectId, { name: "acc", metric: "accuracy", scope: { model: "churn" }, windowSeconds: 3600, comparator: "<", threshold: 0.8, minSamples: 5 });
    // Hour 0: accuracy 0 on 2 labels, under the guard.
    expect(await pass(base + H + 40_000)).toEqual([]);
    expect((await pass(base + 2 * H + 40_000))[0]).toMatchObject({ state: "firing", value: 0.5 });
    expect((await pass(base + 3 * H + 40_000))[0]).toMatchObject({ state: "resolved", value: 1 });
    const bt = await backtest(base + 4 * H, { metric: "accuracy", scope: { model: "churn" }, windowSeconds: 3600, comparator: "<", threshold: 0.8, minSamples: 5 });
    expect(bt.incidents).toHaveLength(1);
  });
});
