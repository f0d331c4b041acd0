import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { deliverDueNotifications } from "@/lib/alerts/delivery/deliver-due";
import { SLACK_LIMITS, type SlackMessage } from "@/lib/alerts/delivery/slack-message";
import { evaluateProjectRules } from "@/lib/alerts/evaluate/evaluate-rules";
import { freshDb, makeProject, type TestProject } from "@/tests/helpers/db";
import { startReceiver, type Receiver } from "@/tests/helpers/receiver";
import { at, calls, channel, rule, T0 } from "./fixtures";

let db: Db;
let p: TestProject;
let rx: Receiver;

beforeEach(async () => {
  process.env.SIGHTLINE_WEBHOOK_ALLOW_HOSTS = "127.0.0.1";
  process.env.SIGHTLINE_PUBLIC_URL = "https://sightline.example.com/";
  db = await freshDb();
  p = await makeProject(db);
  rx = await startReceiver();
});

afterEach(async () => {
  await rx.close();
  delete process.env.SIGHTLINE_PUBLIC_URL;
});

/** Evaluates at `t` and delivers what it wrote. */
async function tick(t: number) {
  const transitions = await evaluateProjectRules(db, p.projectId, t);
  await deliverDueNotifications(db, t);
  return transitions;
}

function expectValidBlockKit(m: SlackMessage) {
  expect(typeof m.text).toBe("string");
  expect(m.text.length).toBeGreaterThan(0);
  expect(m.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
  for (const b of m.blocks) {
    expect(["header", "section", "context", "actions", "divider"]).toContain(b.type);
    if (b.type === "header") expect(b.text.type === "plain_text" && Array.from(b.text.text).length <= SLACK_LIMITS.headerText).toBe(true);
    if (b.type === "section") expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
  }
}

describe("Slack", () => {
  it("a rule crossing its threshold sends exactly one message, and one resolved message after recovery", async () => {
    const slack = await channel(db, p.projectId, { name: "oncall", type: "slack", url: `${rx.url}/services/T/B/x` });
    await rule(db, p.projectId, { channelIds: [slack.id] });
    await calls(db, p.projectId, T0 - 120_000, 20, { errors: 10 });

    expect((await tick(at(0))).map((t) => t.kind)).toEqual(["firing"]);
    await tick(at(0) + 30_000);
    await tick(at(0) + 60_000);
    expect(rx.received).toHaveLength(1);
    const firing = rx.received[0].json as SlackMessage;
    expectValidBlockKit(firing);
    expect(firing.blocks[0]).toMatchObject({ type: "header", text: { text: "FIRING (critical): gpt-4o errors" } });
    expect(JSON.stringify(firing.blocks)).toContain("error_rate = 0.500 (threshold &gt; 0.200) over 5m");
    expect(JSON.stringify(firing.blocks)).toContain("https://sightline.example.com/alerts/incidents/");

    // Ten minutes later the window holds only healthy calls.
    await calls(db, p.projectId, T0 + 8 * 60_000, 20);
    expect((await tick(at(10))).map((t) => t.kind)).toEqual(["resolved"]);
    await tick(at(10) + 30_000);
    expect(rx.received).toHaveLength(2);
    const resolved = rx.received[1].json as SlackMessage;
    expectValidBlockKit(resolved);
    expect(resolved.blocks[0]).toMatchObject({ type: "header", text: { text: "RESOLVED after 10m: gpt-4o errors" } });
    expect(rx.received[0].headers["webhook-id"]).not.toBe(rx.received[1].headers["webhook-id"]);
  });
});

describe("PagerDuty", () => {
  it("trigger and resolve share one dedup key", async () => {
    const pd = await channel(db, p.projectId, { name: "pd", type: "pagerduty", routingKey: "R0UTINGKEY", url: `${rx.url}/v2/enqueue` });
    await rule(db, p.projectId, { channelIds: [pd.id] });
    await calls(db, p.projectId, T0 - 120_000, 20, { errors: 10 });
    await tick(at(0));
    await calls(db, p.projectId, T0 + 8 * 60_000, 20);
    await tick(at(10));
    expect(rx.received.map((r) => (r.json as { event_action: string }).event_action)).toEqual(["trigger", "resolve"]);
    const [trigger, resolve] = rx.received.map((r) => r.json as { dedup_key: string; routing_key: string; payload?: { severity: string } });
    expect(trigger.dedup_key).toBe(resolve.dedup_key);
    expect(trigger).toMatchObject({ routing_key: "R0UTINGKEY", payload: { severity: "critical" } });
  });
});
