import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { alertChannel, alertNotification } from "@/db/schema";
import { updateAlertChannel } from "@/lib/alerts/channels/manage-channels";
import { deliverDueNotifications } from "@/lib/alerts/delivery/deliver-due";
import { listAlertDeliveries } from "@/lib/alerts/delivery/list-deliveries";
import { evaluateProjectRules } from "@/lib/alerts/evaluate/evaluate-rules";
import { createSilence } from "@/lib/alerts/incidents/silences";
import { freshDb, makeProject, testContext, type TestProject } from "@/tests/helpers/db";
import { startReceiver, type Receiver, type Reply } from "@/tests/helpers/receiver";
import { at, calls, channel, rule, T0 } from "./fixtures";

let db: Db;
let p: TestProject;
let rx: Receiver | null = null;

beforeEach(async () => {
  process.env.SIGHTLINE_WEBHOOK_ALLOW_HOSTS = "127.0.0.1";
  db = await freshDb();
  p = await makeProject(db);
});

afterEach(async () => {
  await rx?.close();
  rx = null;
});

/** A webhook channel on a receiver scripted by `replies`, and a rule on it that fires at at(0). */
async function firingWebhook(reply: (i: number) => Reply) {
  rx = await startReceiver(reply);
  const hook = await channel(db, p.projectId, { name: "hook", type: "webhook", url: `${rx.url}/hook` });
  const r = await rule(db, p.projectId, { channelIds: [hook.id] });
  await calls(db, p.projectId, T0 - 120_000, 20, { errors: 10 });
  await evaluateProjectRules(db, p.projectId, at(0));
  return { hook, rule: r };
}

async function notifications() {
  return db.orm.select().from(alertNotification).where(eq(alertNotification.projectId, p.projectId));
}

describe("webhook delivery", () => {
  it("signs per Standard Webhooks with the stable notification id", async () => {
    const { hook } = await firingWebhook(() => ({ status: 204 }));
    await deliverDueNotifications(db, at(0));
    expect(rx!.received).toHaveLength(1);
    const { headers, body } = rx!.received[0];
    const [n] = await notifications();
    expect(headers["webhook-id"]).toBe(n.id);
    const key = Buffer.from(hook.secret!.slice("whsec_".length), "base64");
    const mac = createHmac("sha256", key).update(`${headers["webhook-id"]}.${headers["webhook-timestamp"]}.${body}`).digest("base64");
    expect(headers["webhook-signature"]).toBe(`v1,${mac}`);
    expect(JSON.parse(body)).toMatchObject({ type: "incident.firing", data: { ruleName: "gpt-4o errors", severity: "critical" } });
  });

  it("429 with Retry-After: 2, then 200: waits, then exactly one delivery", async () => {
    await firingWebhook((i) => (i === 0 ? { status: 429, headers: { "retry-after": "2" } } : { status: 200 }));
    const t = at(0);
    await deliverDueNotifications(db, t);
    await deliverDueNotifications(db, t + 1_999);
    expect(rx!.received).toHaveLength(1);
    const [waiting] = await notifications();
    expect(waiting).toMatchObject({ status: "pending", attempts: 1, nextAttemptAt: t + 2_000 });
    await deliverDueNotifications(db, t + 2_000);
    await deliverDueNotifications(db, t + 60_000);
    expect(rx!.received).toHaveLength(2);
    expect(rx!.received[1].headers["webhook-id"]).toBe(rx!.received[0].headers["webhook-id"]);
    expect(rx!.received[1].body).toBe(rx!.received[0].body);
    const [done] = await notifications();
    expect(done).toMatchObject({ status: "delivered", attempts: 2 });
  });

  it("500s are retried on the backoff schedule, then succeed; the log shows each attempt", async () => {
    await firingWebhook((i) => (i < 2 ? { status: 500, body: "upstream broke" } : { status: 200, body: "thanks" }));
    const t = at(0);
    await deliverDueNotifications(db, t, { random: () => 0.5 });
    await deliverDueNotifications(db, t + 4_999, { random: () => 0.5 });
    expect(rx!.received).toHaveLength(1);
    await deliverDueNotifications(db, t + 5_000, { random: () => 0.5 });
    await deliverDueNotifications(db, t + 35_000, { random: () => 0.5 });
    expect(rx!.received).toHaveLength(3);
    const log = await listAlertDeliveries(testContext(db, p.projectId), { limit: 10 });
    expect(log.deliveries.map((d) => [d.attempt, d.statusCode, d.outcome, d.responseExcerpt])).toEqual([
      [3, 200, "delivered", "thanks"],
      [2, 500, "retry", "upstream broke"],
      [1, 500, "retry", "upstream broke"],
    ]);
  });

  it("other 4xx are not retried", async () => {
    await firingWebhook(() => ({ status: 410 }));
    await deliverDueNotifications(db, at(0));
    await deliverDueNotifications(db, at(0) + 86_400_000);
    expect(rx!.received).toHaveLength(1);
    expect((await notifications())[0]).toMatchObject({ status: "failed", lastError: "HTTP 410 (not retried)" });
  });

  it("a destination that now resolves to a private address is refused at delivery", async () => {
    rx = await startReceiver();
    process.env.SIGHTLINE_WEBHOOK_ALLOW_HOSTS = "localhost";
    const port = new URL(rx.url).port;
    const hook = await channel(db, p.projectId, { name: "hook", type: "webhook", url: `http://localhost:${port}/hook` });
    await rule(db, p.projectId, { channelIds: [hook.id] });
    await calls(db, p.projectId, T0 - 120_000, 20, { errors: 10 });
    await evaluateProjectRules(db, p.projectId, at(0));
    process.env.SIGHTLINE_WEBHOOK_ALLOW_HOSTS = "";
    const [report] = await deliverDueNotifications(db, at(0));
    expect(report.outcome).toBe("failed");
    expect(rx.received).toHaveLength(0);
    const [n] = await notifications();
    expect(n.status).toBe("failed");
    expect(n.lastError).toMatch(/destination refused: host localhost resolves to (127\.0\.0\.1|::1) \(loopback\)/);
  });

  it("a silenced rule records its notifications as silenced and sends nothing", async () => {
    rx = await startReceiver();
    const hook = await channel(db, p.projectId, { name: "hook", type: "webhook", url: `${rx.url}/hook` });
    const r = await rule(db, p.projectId, { channelIds: [hook.id] });
    await createSilence(testContext(db, p.projectId, { now: T0 }), { ruleId: r.id, endsAt: T0 + 3_600_000, reason: "deploy" });
    await calls(db, p.projectId, T0 - 120_000, 20, { errors: 10 });
    expect((await evaluateProjectRules(db, p.projectId, at(0))).map((t) => t.kind)).toEqual(["firing"]);
    await deliverDueNotifications(db, at(0));
    expect(rx.received).toHaveLength(0);
    expect((await notifications()).map((n) => n.status)).toEqual(["silenced"]);
  });

  it("a scope silence matches the incident's labels only", async () => {
    rx = await startReceiver();
    const hook = await channel(db, p.projectId, { name: "hook", type: "webhook", url: `${rx.url}/hook` });
    await rule(db, p.projectId, { channelIds: [hook.id], scope: {}, groupBy: "model" });
    await createSilence(testContext(db, p.projectId, { now: T0 }), { scope: { model: "gpt-4o" }, endsAt: T0 + 3_600_000, reason: "known issue" });
    await calls(db, p.projectId, T0 - 120_000, 20, { errors: 10 });
    await calls(db, p.projectId, T0 - 120_000, 20, { errors: 10, model: "claude" });
    await evaluateProjectRules(db, p.projectId, at(0));
    await deliverDueNotifications(db, at(0));
    expect(rx.received.map((r) => (r.json as { data: { context: { model: string } } }).data.context.model)).toEqual(["claude"]);
  });

  it("a channel is disabled after 5 failed notifications in a row, and re-enabling clears the streak", async () => {
    rx = await startReceiver(() => ({ status: 400, body: "no such hook" }));
    const hook = await channel(db, p.projectId, { name: "hook", type: "webhook", url: `${rx.url}/hook` });
    await rule(db, p.projectId, { channelIds: [hook.id], groupBy: "model", scope: {} });
    for (let i = 0; i < 6; i++) await calls(db, p.projectId, T0 - 120_000, 10, { errors: 10, model: `m${i}` });
    await evaluateProjectRules(db, p.projectId, at(0));
    const reports = await deliverDueNotifications(db, at(0));
    expect(reports.map((r) => r.outcome)).toEqual(["failed", "failed", "failed", "failed", "failed", "failed"]);
    expect(rx.received).toHaveLength(5);
    const [c] = await db.orm.select().from(alertChannel).where(eq(alertChannel.id, hook.id));
    expect(c).toMatchObject({ enabled: false, consecutiveFailures: 5 });
    expect(c.disabledReason).toContain("5 notifications failed in a row");
    const again = await updateAlertChannel(testContext(db, p.projectId), { id: hook.id, patch: { enabled: true } });
    expect(again).toMatchObject({ enabled: true, consecutiveFailures: 0, disabledReason: null });
  });
});
