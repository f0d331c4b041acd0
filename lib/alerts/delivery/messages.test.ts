import { describe, expect, it } from "vitest";
import { formatDuration, incidentLink, type AlertEvent } from "./alert-event";
import { dedupKey, pagerDutyEvent } from "./pagerduty-event";
import { SLACK_LIMITS, slackMessage, truncate } from "./slack-message";

const event = (over: Partial<AlertEvent> = {}): AlertEvent => ({
  kind: "firing", incidentId: 7, ruleId: 3, ruleName: "p95 latency", metric: "latency_p95", severity: "critical", state: "firing",
  value: 912.5, comparator: ">", threshold: 500, windowSeconds: 300, relative: false, context: { model: "gpt-4o", promptVersion: "3" },
  at: Date.parse("2026-03-01T12:00:00Z"), firedAt: Date.parse("2026-03-01T12:00:00Z"), firedForMs: null, url: "https://sightline.example.com/alerts/incidents/7",
  ...over,
});

describe("Slack Block Kit message", () => {
  it("has a header with severity and rule, the value vs threshold and window, context, link and fallback text", () => {
    const m = slackMessage(event());
    expect(m.blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: "FIRING (critical): p95 latency", emoji: true } });
    expect(JSON.stringify(m.blocks[1])).toContain("latency_p95 = 913 (threshold &gt; 500) over 5m");
    expect(JSON.stringify(m.blocks[2])).toContain("*model:* gpt-4o");
    expect(m.blocks).toContainEqual({ type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: "Open incident" }, url: "https://sightline.example.com/alerts/incidents/7" }] });
    expect(m.text).toContain("FIRING (critical): p95 latency");
    expect(m.text).toContain("https://sightline.example.com/alerts/incidents/7");
  });

  it("says how long a resolved incident fired", () => {
    const m = slackMessage(event({ kind: "resolved", state: "ok", firedForMs: 754_000 }));
    expect(m.blocks[0].type === "header" && m.blocks[0].text.text).toBe("RESOLVED after 12m 34s: p95 latency");
  });

  it("truncates a huge rule name and context within Block Kit limits", () => {
    const huge = "x".repeat(10_000);
    const m = slackMessage(event({ ruleName: huge, context: { model: huge, prompt: "<@U123> & co" } }));
    const header = m.blocks[0];
    expect(header.type === "header" && Array.from(header.text.text).length).toBe(SLACK_LIMITS.headerText);
    for (const b of m.blocks) if (b.type === "section") expect(b.text.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    expect(m.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
    expect(m.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
    expect(JSON.stringify(m)).toContain("&lt;@U123&gt; &amp; co");
  });

  it("leaves the link out without SIGHTLINE_PUBLIC_URL", () => {
    const m = slackMessage(event({ url: null }));
    expect(m.blocks.some((b) => b.type === "actions")).toBe(false);
  });

  it("truncates on code points, not UTF-16 halves", () => {
    expect(truncate("😀😀😀", 2)).toBe("😀…");
  });
});

describe("PagerDuty Events v2", () => {
  it("trigger and resolve share one dedup key per incident", () => {
    const key = dedupKey(1, 7, "msg_a");
    const trigger = pagerDutyEvent(event(), "R0UTING", key);
    const resolve = pagerDutyEvent(event({ kind: "resolved" }), "R0UTING", dedupKey(1, 7, "msg_b"));
    expect(trigger).toMatchObject({ routing_key: "R0UTING", event_action: "trigger", dedup_key: "sightline-1-incident-7", payload: { severity: "critical", source: "gpt-4o" } });
    expect(resolve).toEqual({ routing_key: "R0UTING", event_action: "resolve", dedup_key: "sightline-1-incident-7" });
    expect(trigger.links).toEqual([{ href: "https://sightline.example.com/alerts/incidents/7", text: "Sightline incident" }]);
  });
});

describe("helpers", () => {
  it("formats durations and links", () => {
    expect([formatDuration(5_000), formatDuration(3_600_000), formatDuration(90_061_000)]).toEqual(["5s", "1h", "1d 1h"]);
    expect(incidentLink(4, "http://x")).toBe("http://x/alerts/incidents/4");
    expect(incidentLink(4, null)).toBeNull();
  });
});
