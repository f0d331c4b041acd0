import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { authHeaders, uniqueId } from "./helpers";

/** A Slack stand-in on 127.0.0.1 (the e2e server allows it through SIGHTLINE_WEBHOOK_ALLOW_HOSTS). */
async function startSlack() {
  const bodies: unknown[] = [];
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString()));
    req.on("end", () => {
      bodies.push(JSON.parse(raw));
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/services/T0/B0/x`, bodies, close: () => new Promise((r) => server.close(r)) };
}

/** Both themes (the class the theme toggle flips, no reload so form state stays), desktop and phone. */
async function shoot(page: Page, name: string) {
  for (const theme of ["dark", "light"] as const) {
    await page.evaluate((dark) => document.documentElement.classList.toggle("dark", dark), theme === "dark");
    for (const [w, h, suffix] of [[1440, 900, ""], [390, 844, "-mobile"]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(300); // let ResponsiveContainer re-measure before the picture
      await page.screenshot({ path: `docs/screenshots/${name}${suffix}${theme === "light" ? "-light" : ""}.png`, fullPage: true });
    }
  }
  await page.evaluate(() => document.documentElement.classList.add("dark"));
  await page.setViewportSize({ width: 1440, height: 900 });
}

test("create a channel and send a test, create a rule with its backtest chart", async ({ page }) => {
  const slack = await startSlack();
  const channelName = uniqueId("oncall");
  try {
    await page.goto("/alerts/channels");
    const form = page.getByRole("form", { name: "New channel" });
    await form.getByLabel("Name").fill(channelName);
    await form.getByLabel("URL").fill(slack.url);
    await form.getByRole("button", { name: "Add channel" }).click();
    const row = page.getByRole("table", { name: "Channels" }).getByRole("row").filter({ hasText: channelName });
    await expect(row).toContainText("127.0.0.1");

    await row.getByRole("button", { name: `Send test to ${channelName}` }).click();
    const log = page.getByRole("table", { name: "Delivery log" });
    const attempt = log.getByRole("row").filter({ hasText: channelName });
    await expect(attempt).toContainText("test");
    await expect(attempt).toContainText("200");
    await expect(attempt).toContainText("delivered");
    expect(slack.bodies).toHaveLength(1);
    const message = slack.bodies[0] as { text: string; blocks: { type: string; text?: { text: string } }[] };
    expect(message.blocks[0]).toMatchObject({ type: "header", text: { text: expect.stringContaining("TEST") } });
    expect(message.text).toContain("test notification");
    await shoot(page, "alert-channels");

    await page.goto("/alerts");
    await page.getByRole("button", { name: "New rule" }).click();
    const rule = page.getByRole("form", { name: "New alert rule" });
    const ruleName = uniqueId("error rate");
    await rule.getByLabel("Name").fill(ruleName);
    await rule.getByLabel("Metric").selectOption("error_rate");
    await rule.getByLabel("Window").selectOption("3600");
    await rule.getByLabel("Critical threshold").fill("0.05");
    await rule.getByLabel("Warning threshold").fill("0.02");
    await rule.getByLabel(channelName).check();
    // Every metric has a source except injection_rate (its data comes with the governance work).
    await expect(rule.getByRole("option", { name: /Injection rate \(not in this build\)/ })).toBeDisabled();
    await expect(rule.getByRole("option", { name: "Accuracy", exact: true })).toBeEnabled();

    const chart = page.getByTestId("backtest-chart");
    await expect(chart.locator("svg.recharts-surface")).toBeVisible();
    await expect(chart.locator(".recharts-reference-line")).toHaveCount(2);
    await expect(page.getByRole("heading", { name: /Last 7 days · \d+ incidents? would have opened/ })).toBeVisible();
    await shoot(page, "alert-rule-backtest");
    await rule.getByRole("button", { name: "Create rule" }).click();
    const saved = page.getByRole("table", { name: "Alert rules" }).getByRole("row").filter({ hasText: ruleName });
    await expect(saved).toContainText("> 5.0%");
    await saved.getByRole("button", { name: `Disable ${ruleName}` }).click();
    await expect(saved).toContainText("disabled");
  } finally {
    await slack.close();
  }
});

test("an incident from an evaluation pass: listed, on the overview, detail with chart, acknowledged", async ({ page, request }) => {
  const name = uniqueId("silent model");
  const created = await request.post("/api/v1/alert-rules", {
    headers: authHeaders,
    data: { name, metric: "request_count", scope: { model: uniqueId("nothing") }, windowSeconds: 300, comparator: "<", threshold: 1, noData: "alert" },
  });
  expect(created.status()).toBe(201);
  const evaluated = await request.post("/api/v1/alert-rules/evaluate", { headers: authHeaders });
  expect(evaluated.status()).toBe(200);
  const mine = (await evaluated.json()).transitions.filter((t: { ruleName: string }) => t.ruleName === name);
  expect(mine.map((t: { kind: string }) => t.kind)).toEqual(["no_data"]);

  await page.goto("/");
  await expect(page.getByRole("region", { name: "Open incidents" }).getByRole("link", { name })).toBeVisible();

  await page.goto("/alerts/incidents?state=open");
  await page.getByRole("table", { name: "Incidents" }).getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  // The rule watches a model that never sent anything: the chart says so instead of drawing nothing.
  await expect(page.getByText("No data for request_count in the rule's scope around this incident.")).toBeVisible();
  await expect(page.getByRole("table", { name: "State history" })).toContainText("no_data");
  await page.getByRole("button", { name: "Acknowledge" }).click();
  await expect(page.getByText("Acknowledged by e2e-admin@sightline.local")).toBeVisible();
  const silence = page.getByRole("form", { name: "Silence" });
  await silence.getByLabel("For how long").selectOption({ label: "for 4 hours" });
  await silence.getByLabel("Reason").fill("known outage");
  await silence.getByRole("button", { name: "Silence" }).click();
  await expect(page.getByText(/Silenced until .* UTC: known outage/)).toBeVisible();
  await shoot(page, "alert-incident");

  await page.goto("/alerts/incidents");
  await expect(page.getByRole("heading", { name: "Incidents", level: 1 })).toBeVisible();
  await shoot(page, "alert-incidents");
});
