import { beforeEach, describe, expect, it } from "vitest";
import { and, count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { pgRows } from "@/db/pg/driver";
import { partitionName } from "@/db/pg/partitions";
import { auditLog, event, label } from "@/db/schema";
import { setRetention } from "@/lib/governance/project-settings";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { prepareEventPartitions } from "@/lib/ingest/maintain-event-storage";
import { getMetrics } from "@/lib/metrics/get-metrics";
import { JOBS } from "@/lib/scheduler/jobs";
import { Scheduler } from "@/lib/scheduler/scheduler";
import { freshDb, makeProject, testContext } from "@/tests/helpers/db";
import { llmEvent } from "@/tests/helpers/ingest-client";

/**
 * PostgreSQL's event storage (docs/adr/0048): `event` partitioned by day on its key, a default
 * partition so ingest never fails, days created ahead by a job, idempotency claims in
 * `event_idempotency` within a window, and retention that drops whole partitions.
 */
const DAY = 86_400_000;
let db: Db;

beforeEach(async () => {
  db = await freshDb();
});

const runJob = (name: string, now: number) => {
  const job = JOBS.find((j) => j.name === name)!;
  return new Scheduler([job], () => db, () => now).runJob(job, { force: true });
};

/** Partition (table name) holding each of a project's events, by client id. */
async function placement(projectId: number): Promise<Record<string, string>> {
  const rows = await pgRows<{ client_id: string; part: string }>(
    db,
    "SELECT client_id, tableoid::regclass::text AS part FROM event WHERE project_id = $1 ORDER BY client_id",
    [projectId],
  );
  return Object.fromEntries(rows.map((r) => [r.client_id, r.part]));
}

async function tableExists(name: string): Promise<boolean> {
  return (await pgRows<{ n: number }>(db, "SELECT count(*)::int AS n FROM pg_class WHERE relname = $1", [name]))[0].n === 1;
}

async function eventCount(projectId: number): Promise<number> {
  return (await db.orm.select({ n: count() }).from(event).where(eq(event.projectId, projectId)))[0].n;
}

describe("event partitions on PostgreSQL", () => {
  it("stores into the default partition before any day exists, and the job moves that day's rows into the day it creates", async () => {
    const p = await makeProject(db);
    const now = Date.now();
    expect((await ingestEvents(db, p.projectId, [llmEvent({ id: "a" }), llmEvent({ id: "b" })], { now })).accepted).toBe(2);
    expect(await placement(p.projectId)).toEqual({ a: "event_default", b: "event_default" });

    await runJob("event-partitions", now);
    const today = partitionName(Math.floor(now / DAY) * DAY);
    for (let d = 0; d <= 3; d++) expect(await tableExists(partitionName(Math.floor(now / DAY) * DAY + d * DAY))).toBe(true);
    expect(await placement(p.projectId)).toEqual({ a: today, b: today });

    expect((await ingestEvents(db, p.projectId, [llmEvent({ id: "c" })], { now })).accepted).toBe(1);
    // An event far in the past has no day partition: the default takes it.
    expect((await ingestEvents(db, p.projectId, [llmEvent({ id: "old", timestamp: now - 40 * DAY })], { now })).accepted).toBe(1);
    expect(await placement(p.projectId)).toEqual({ a: today, b: today, c: today, old: "event_default" });
    // A second run creates nothing new and moves nothing.
    await runJob("event-partitions", now);
    expect(await eventCount(p.projectId)).toBe(4);
  });

  it("creating today's partition while ingest writes into the default one loses and fails nothing", async () => {
    const p = await makeProject(db);
    const now = Date.now();
    const writers = Array.from({ length: 4 }, async (_, w) => {
      let accepted = 0;
      for (let b = 0; b < 15; b++) {
        const r = await ingestEvents(db, p.projectId, Array.from({ length: 20 }, (_, i) => llmEvent({ id: `w${w}-${b}-${i}` })), { now });
        accepted += r.accepted;
      }
      return accepted;
    });
    await new Promise((r) => setTimeout(r, 20));
    await prepareEventPartitions(db, now);
    expect(await Promise.all(writers)).toEqual([300, 300, 300, 300]);
    const parts = new Set(Object.values(await placement(p.projectId)));
    expect(await eventCount(p.projectId)).toBe(1200);
    expect([...parts]).toEqual([partitionName(Math.floor(now / DAY) * DAY)]);
  });

  it("stores and counts a resend once within the idempotency window, across partitions, and resolves labels by client id", async () => {
    const p = await makeProject(db);
    const now = Date.now();
    await prepareEventPartitions(db, now);
    const first = await ingestEvents(db, p.projectId, [llmEvent({ id: "x", timestamp: now - 60_000 })], { now });
    expect(first.accepted).toBe(1);
    // The same id again, in a batch that also repeats it twice and lands in another partition.
    const again = await ingestEvents(db, p.projectId, [llmEvent({ id: "x", timestamp: now - 5 * DAY }), llmEvent({ id: "y" }), llmEvent({ id: "y" })], { now });
    expect(again.results.map((r) => r.status)).toEqual(["duplicate", "accepted", "duplicate"]);
    expect(await eventCount(p.projectId)).toBe(2);
    const metrics = await getMetrics(testContext(db, p.projectId, { now }), { groupBy: "model", from: now - 7 * DAY, to: now + 60_000 });
    expect(metrics.groups.map((g) => g.count)).toEqual([2]);

    // Another project may use the same client id.
    const q = await makeProject(db);
    expect((await ingestEvents(db, q.projectId, [llmEvent({ id: "x" })], { now })).accepted).toBe(1);

    // A label finds its prediction by client id (plain index on the partitioned table).
    await ingestEvents(db, p.projectId, [{ id: "pred-1", type: "prediction", model: "churn", prediction: 0.8 }], { now });
    await ingestEvents(db, p.projectId, [{ id: "lab-1", type: "label", model: "churn", targetId: "pred-1", label: 1 }], { now });
    const [lab] = await db.orm.select({ target: label.targetEventId }).from(label).where(eq(label.projectId, p.projectId));
    const [pred] = await db.orm.select({ id: event.id }).from(event).where(and(eq(event.projectId, p.projectId), eq(event.clientId, "pred-1")));
    expect(lab.target).toBe(pred.id);
  });

  it("forgets claims past SIGHTLINE_IDEMPOTENCY_WINDOW_DAYS (default 7): a resend after the window is stored again", async () => {
    const p = await makeProject(db);
    const now = Date.now();
    await ingestEvents(db, p.projectId, [llmEvent({ id: "w" })], { now });
    await runJob("prune-idempotency", now + 6 * DAY);
    expect((await ingestEvents(db, p.projectId, [llmEvent({ id: "w" })], { now })).duplicates).toBe(1);
    await runJob("prune-idempotency", now + 7 * DAY + 1);
    expect((await ingestEvents(db, p.projectId, [llmEvent({ id: "w" })], { now })).accepted).toBe(1);
    expect(await eventCount(p.projectId)).toBe(2);
  });

  it("retention drops a day partition whose every project is past its retention, and deletes rows where another project keeps its own", async () => {
    const p = await makeProject(db);
    const keep = await makeProject(db); // no retention: its rows stay
    const now = Date.now();
    const today = Math.floor(now / DAY) * DAY;
    await prepareEventPartitions(db, today - 6 * DAY); // days today-6 … today-3
    await prepareEventPartitions(db, now);
    // Noon of two old days: day A holds only p's events, day B holds p's and keep's.
    const dayA = today - 5 * DAY;
    const dayB = today - 4 * DAY;
    await ingestEvents(db, p.projectId, [1, 2, 3].map((i) => llmEvent({ id: `a${i}`, timestamp: dayA + DAY / 2 + i })), { now });
    await ingestEvents(db, p.projectId, [1, 2].map((i) => llmEvent({ id: `b${i}`, timestamp: dayB + DAY / 2 + i })), { now });
    await ingestEvents(db, keep.projectId, [llmEvent({ id: "k1", timestamp: dayB + DAY / 2 })], { now });
    await ingestEvents(db, p.projectId, [llmEvent({ id: "fresh" })], { now });
    expect((await placement(p.projectId)).a1).toBe(partitionName(dayA));
    const before = await getMetrics(testContext(db, p.projectId, { now }), { groupBy: "model", from: now - 7 * DAY, to: now + 60_000 });

    await setRetention(testContext(db, p.projectId, { now }), { days: 2 });
    await runJob("retention", now);

    expect(await tableExists(partitionName(dayA))).toBe(false);
    expect(await tableExists(partitionName(dayB))).toBe(true);
    expect(Object.keys(await placement(p.projectId))).toEqual(["fresh"]);
    expect(await placement(keep.projectId)).toEqual({ k1: partitionName(dayB) });
    // Aggregates are not raw events: the rollups still count everything.
    const after = await getMetrics(testContext(db, p.projectId, { now }), { groupBy: "model", from: now - 7 * DAY, to: now + 60_000 });
    expect(after.groups.map((g) => g.count)).toEqual(before.groups.map((g) => g.count));
    const [entry] = await db.orm
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.projectId, p.projectId), eq(auditLog.action, "retention.delete")));
    expect((entry.after as { deleted: number }).deleted).toBe(5);
  });
});
