import { expect, test, type Browser, type Page } from "@playwright/test";
import { PROJECT } from "./env";
import { authHeaders, signIn, uniqueId } from "./helpers";
import { lookEverywhere } from "./look";

/** A channel and a rule notifying it, made through the API so each test starts from its own rows. */
async function ruleWithChannel(page: Page) {
  const channelName = uniqueId("pager");
  const channel = await page.request.post("/api/v1/alert-channels", { headers: authHeaders, data: { name: channelName, type: "slack", url: "http://127.0.0.1:9/services/T0/B0/x" } });
  expect(channel.status(), await channel.text()).toBe(201);
  const ruleName = uniqueId("errors");
  const rule = await page.request.post("/api/v1/alert-rules", {
    headers: authHeaders,
    data: { name: ruleName, metric: "error_rate", scope: { model: "gpt-4o" }, windowSeconds: 900, comparator: ">", threshold: 0.05, warningThreshold: 0.02, channelIds: [(await channel.json()).id] },
  });
  expect(rule.status(), await rule.text()).toBe(201);
  return { channelName, channelId: (await channel.json()).id as number, ruleName, ruleId: (await rule.json()).id as number };
}

async function asViewer(browser: Browser, adminPage: Page): Promise<Page> {
  const email = `${uniqueId("viewer")}@example.test`;
  const res = await adminPage.request.post("/api/v1/members", { data: { email, role: "viewer", password: "member password 1" } });
  expect(res.status(), await res.text()).toBe(201);
  const page = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await signIn(page, email, "member password 1");
  return page;
}

test("edit a rule in the prefilled form (field error from the schema first), then delete it after confirming", async ({ page }) => {
  const { ruleName, ruleId, channelName } = await ruleWithChannel(page);
  await page.goto("/alerts");
  const row = page.getByRole("table", { name: "Alert rules" }).getByRole("row").filter({ hasText: ruleName });
  await row.getByRole("button", { name: `Edit ${ruleName}` }).click();

  const form = page.getByRole("form", { name: "Edit alert rule" });
  await expect(page.getByRole("heading", { name: `Edit rule: ${ruleName}` })).toBeVisible();
  await expect(form.getByLabel("Name")).toBeFocused();
  await expect(form.getByLabel("Name")).toHaveValue(ruleName);
  await expect(form.getByLabel("Model")).toHaveValue("gpt-4o");
  await expect(form.getByLabel("Window")).toHaveValue("900");
  await expect(form.getByLabel("Critical threshold")).toHaveValue("0.05");
  await expect(form.getByLabel("Warning threshold")).toHaveValue("0.02");
  await expect(form.getByLabel(channelName)).toBeChecked();
  // The saved rule replays in the backtest chart, as a new one does.
  await expect(page.getByTestId("backtest-chart").locator("svg.recharts-surface")).toBeVisible();

  // A warning above the critical threshold: the error sits under the field, which gets the focus.
  const warning = form.getByLabel("Warning threshold");
  await warning.fill("0.1");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(warning).toBeFocused();
  await expect(warning).toHaveAttribute("aria-invalid", "true");
  await expect(warning).toHaveAccessibleDescription("must be at or below threshold for comparator >");
  await lookEverywhere(page, "alert-rule-edit");

  // Keyboard only: fix the value, clear the model, save with Enter.
  await warning.fill("0.03");
  await form.getByLabel("Model").fill("");
  await form.getByLabel("Model").press("Enter");
  await expect(form).toHaveCount(0);
  await expect(row).toContainText("> 5.0% (warn 3.0%)");
  await expect(row).toContainText("all");
  const saved = await (await page.request.get(`/api/v1/alert-rules/${ruleId}`, { headers: authHeaders })).json();
  expect(saved).toMatchObject({ warningThreshold: 0.03, scope: {}, windowSeconds: 900 });

  // Delete asks first; Cancel (focused first) keeps the rule, Escape too.
  await row.getByRole("button", { name: `Delete ${ruleName}` }).click();
  const dialog = page.getByRole("dialog", { name: `Delete rule ${ruleName}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(row).toBeVisible();
  await row.getByRole("button", { name: `Delete ${ruleName}` }).click();
  await lookEverywhere(page);
  await dialog.getByRole("button", { name: "Delete rule" }).click();
  await expect(row).toHaveCount(0);
  expect((await page.request.get(`/api/v1/alert-rules/${ruleId}`, { headers: authHeaders })).status()).toBe(404);
});

test("active silences are listed with who and why, and End now ends one", async ({ page }) => {
  const { ruleName, ruleId } = await ruleWithChannel(page);
  const reason = uniqueId("deploy window");
  const created = await page.request.post("/api/v1/silences", { headers: authHeaders, data: { ruleId, endsAt: Date.now() + 4 * 3_600_000, reason } });
  expect(created.status(), await created.text()).toBe(201);
  await page.goto("/alerts");
  const silences = page.getByRole("table", { name: "Active silences" });
  const row = silences.getByRole("row").filter({ hasText: reason });
  await expect(row).toContainText(`rule ${ruleName}`);
  await expect(row).toContainText("api-key:");
  await lookEverywhere(page, "alert-silences");
  await row.getByRole("button", { name: `End silence “${reason}” now` }).click();
  await expect(row).toHaveCount(0);
  const listed = await (await page.request.get("/api/v1/silences", { headers: authHeaders })).json();
  expect(listed.silences.map((s: { reason: string }) => s.reason)).not.toContain(reason);
});

test("edit a channel (the API's refusal shown under URL), disable it, then delete it after confirming", async ({ page }) => {
  const { channelName, channelId } = await ruleWithChannel(page);
  await page.goto("/alerts/channels");
  const row = page.getByRole("table", { name: "Channels" }).getByRole("row").filter({ hasText: channelName });
  await row.getByRole("button", { name: `Edit ${channelName}` }).click();
  const form = page.getByRole("form", { name: "Edit channel" });
  await expect(form.getByLabel("Name")).toHaveValue(channelName);
  await expect(form.getByLabel("Name")).toBeFocused();
  await expect(form.getByLabel("URL")).toHaveValue("");

  // The destination guard runs on the server: its 400 names `url`, and the form puts it there.
  const url = form.getByLabel("URL");
  await url.fill("http://169.254.169.254/latest");
  await form.getByRole("button", { name: "Save channel" }).click();
  await expect(url).toHaveAttribute("aria-invalid", "true");
  await expect(url).toHaveAccessibleDescription(/169\.254\.169\.254 \(linkLocal\)/);
  await lookEverywhere(page, "alert-channel-edit");

  const renamed = uniqueId("oncall");
  await url.fill("");
  await form.getByLabel("Name").fill(renamed);
  await form.getByLabel("Enabled").uncheck();
  await form.getByRole("button", { name: "Save channel" }).click();
  await expect(form).toHaveCount(0);
  const renamedRow = page.getByRole("table", { name: "Channels" }).getByRole("row").filter({ hasText: renamed });
  await expect(renamedRow).toContainText("disabled");
  await expect(renamedRow).toContainText("127.0.0.1:9");

  await renamedRow.getByRole("button", { name: `Delete ${renamed}` }).click();
  const dialog = page.getByRole("dialog", { name: `Delete channel ${renamed}?` });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(renamedRow).toBeVisible();
  await renamedRow.getByRole("button", { name: `Delete ${renamed}` }).click();
  await dialog.getByRole("button", { name: "Delete channel" }).click();
  await expect(renamedRow).toHaveCount(0);
  expect((await page.request.get(`/api/v1/alert-channels/${channelId}`, { headers: authHeaders })).status()).toBe(404);
});

test("a viewer sees rules, silences and channels but none of the edit, delete or end controls", async ({ browser, page }) => {
  const { ruleName, ruleId, channelName } = await ruleWithChannel(page);
  const reason = uniqueId("viewer silence");
  expect((await page.request.post("/api/v1/silences", { headers: authHeaders, data: { ruleId, endsAt: Date.now() + 3_600_000, reason } })).status()).toBe(201);
  const created = await page.request.post(`/api/v1/review-queues?project=${PROJECT}`, {
    data: { name: uniqueId("Viewer queue"), rubric: [{ key: "ok", type: "boolean" }], reviewersPerItem: 1 },
  });
  const queueId = (await created.json()).queue.id;

  const v = await asViewer(browser, page);
  await v.goto("/alerts");
  await expect(v.getByRole("table", { name: "Alert rules" }).getByRole("row").filter({ hasText: ruleName })).toBeVisible();
  await expect(v.getByRole("table", { name: "Active silences" }).getByRole("row").filter({ hasText: reason })).toBeVisible();
  await expect(v.getByRole("button", { name: /^(Edit|Delete|Enable|Disable) / })).toHaveCount(0);
  await expect(v.getByRole("button", { name: /End silence/ })).toHaveCount(0);
  await v.goto("/alerts/channels");
  await expect(v.getByRole("table", { name: "Channels" }).getByRole("row").filter({ hasText: channelName })).toBeVisible();
  await expect(v.getByRole("button", { name: /^(Edit|Delete) / })).toHaveCount(0);
  await v.goto("/review");
  await expect(v.getByRole("heading", { level: 1, name: "Review" })).toBeVisible();
  await expect(v.getByRole("link", { name: "New queue" })).toHaveCount(0);
  await expect(v.getByRole("link", { name: /^Edit / })).toHaveCount(0);
  for (const path of ["/review/new", `/review/${queueId}/edit`]) {
    await v.goto(path);
    await expect(v.getByText("404", { exact: true })).toBeVisible();
  }
  const r = v.request;
  expect((await r.patch(`/api/v1/review-queues/${queueId}?project=${PROJECT}`, { data: { name: "x" } })).status()).toBe(403);
  const silenceId = (await (await page.request.get("/api/v1/silences", { headers: authHeaders })).json()).silences.find((s: { reason: string }) => s.reason === reason).id;
  expect((await r.post(`/api/v1/silences/${silenceId}/end`, { data: {} })).status()).toBe(403);
  await v.context().close();
});
