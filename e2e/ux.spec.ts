import { expect, test } from "@playwright/test";
import { AUTH_FILE } from "./env";
import { authHeaders, ingest, uniqueId } from "./helpers";

test("a click on a chart bar opens the explorer on exactly that bar's events", async ({ page, request }) => {
  const model = uniqueId("drill-model");
  // Seven calls inside one finished minute, a few minutes back.
  const minute = Math.floor((Date.now() - 4 * 60_000) / 60_000) * 60_000;
  await ingest(
    request,
    Array.from({ length: 7 }, (_, i) => ({ id: `${model}-${i}`, type: "llm", model, timestamp: minute + 1_000 + i * 5_000, latencyMs: 200 + i, output: `answer ${i}` })),
  );
  await page.goto(`/models/${model}?range=1h`);
  const bar = page.getByTestId("chart-Requests").locator('[data-testid="chart-bar"][data-value="7"]');
  await expect(bar).toHaveCount(1);
  await expect(bar).toHaveAttribute("data-t", String(minute));
  await bar.click();
  await expect(page).toHaveURL(new RegExp(`/events\\?.*from=${minute}&to=${minute + 59_999}.*model=${model}`));
  await expect(page.getByTestId("event-row")).toHaveCount(7);
  await expect(page.getByRole("button", { name: "Load more" })).toHaveCount(0);
  // Back returns to the chart.
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/models/${model}`));
});

test("a drag across a chart zooms the page to those buckets", async ({ page }) => {
  await page.goto("/models/gpt-4o?range=24h");
  const surface = page.getByTestId("chart-Requests").locator(".recharts-surface");
  await expect(surface).toBeVisible();
  const box = (await surface.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 8 });
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect(page).toHaveURL(/range=custom&from=\d+&to=\d+/);
  const url = new URL(page.url());
  const span = Number(url.searchParams.get("to")) - Number(url.searchParams.get("from"));
  expect(span).toBeGreaterThan(3_600_000);
  expect(span).toBeLessThan(12 * 3_600_000);
});

test("the model version filter applies to the stat cards", async ({ page }) => {
  await page.goto("/models/fraud-xgb?range=7d");
  const requests = page.getByRole("region", { name: "Totals" }).getByRole("link", { name: /Requests/ });
  await expect(requests).toBeVisible();
  // formatCount: "5,743" or compact "111K".
  const parse = (t: string) => {
    const m = /([\d.,]+)\s*([KMB])?/.exec(t)!;
    return Number(m[1].replace(/,/g, "")) * ({ K: 1e3, M: 1e6, B: 1e9 }[m[2] as "K"] ?? 1);
  };
  const all = parse((await requests.textContent())!);
  const options = await page.getByRole("combobox", { name: "Version" }).locator("option").allTextContents();
  await page.getByRole("combobox", { name: "Version" }).selectOption({ label: options[1] });
  await expect(page).toHaveURL(/version=/);
  const shown = async () => parse((await requests.textContent())!);
  await expect.poll(shown).toBeLessThan(all);
  expect(await shown()).toBeGreaterThan(0);
});

test("filter changes are history entries; Back with the drawer open closes the drawer", async ({ page }) => {
  await page.goto("/events?range=7d&type=llm");
  await expect(page.getByTestId("event-row").first()).toBeVisible();
  await page.getByRole("combobox", { name: "Status" }).selectOption("error");
  await expect(page).toHaveURL(/status=error/);
  await page.goBack();
  await expect(page).not.toHaveURL(/status=error/);
  await expect(page.getByRole("combobox", { name: "Status" })).toHaveValue("");

  await page.getByTestId("event-row").first().click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.goBack();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page).toHaveURL(/\/events\?range=7d&type=llm$/);
});

test("the drawer traps focus and gives it back on close", async ({ page }) => {
  await page.goto("/events?range=7d&type=llm");
  const opener = page.getByTestId("event-row").first().getByRole("button");
  await opener.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("event-detail")).toBeVisible();
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press(i % 5 === 4 ? "Shift+Tab" : "Tab");
    expect(await page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(true);
  }
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
});

test("a skip link jumps past the navigation", async ({ page }) => {
  await page.goto("/events?range=7d");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("#content")).toBeFocused();
  await page.keyboard.press("Tab");
  // The next stop is inside the page, not the sidebar.
  expect(await page.evaluate(() => !!document.activeElement?.closest("#content"))).toBe(true);
});

test("unknown routes, models, prompts and traces get a 404 inside the app shell", async ({ page }) => {
  for (const [path, title] of [
    ["/no/such/page", "Page not found"],
    ["/models/no-such-model", "No model “no-such-model”"],
    ["/prompts/no-such-prompt", "No prompt “no-such-prompt”"],
    ["/traces/no-such-trace", "No trace “no-such-trace”"],
  ] as const) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Go to the overview" })).toBeVisible();
  }
  await page.screenshot({ path: "docs/screenshots/not-found.png" });
  const api = await page.request.get("/api/v1/no-such-endpoint", { headers: authHeaders });
  expect(api.status()).toBe(404);
  expect((await api.json()).error.code).toBe("not_found");
});

test("an invalid custom range is refused with a message", async ({ page }) => {
  await page.goto("/models/gpt-4o?range=custom&from=2026-01-02T10:00Z&to=2026-01-01T10:00Z");
  await expect(page.getByRole("alert").filter({ hasText: "From must be before To." })).toBeVisible();
  await expect(page.getByText("Last 24h (the custom range is invalid)")).toBeVisible();
  await page.getByLabel("From (UTC)").fill("2025-12-31T10:00");
  await expect(page).toHaveURL(/from=2025-12-31T10%3A00Z/);
  await expect(page.getByRole("alert").filter({ hasText: "From must be before To." })).toHaveCount(0);
});

test("a failing API shows one error with a retry, never an empty state beside it", async ({ page }) => {
  let fail = true;
  await page.route("**/api/v1/events?**", (route) =>
    fail ? route.fulfill({ status: 500, contentType: "application/json", body: JSON.stringify({ error: { code: "internal", message: "Internal server error", requestId: "x" } }) }) : route.fallback(),
  );
  await page.goto("/events?range=7d&type=llm");
  const alert = page.getByRole("alert").filter({ hasText: "Could not load data" });
  await expect(alert).toBeVisible();
  await expect(page.getByText("No events match these filters")).toHaveCount(0);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  fail = false;
  await alert.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByTestId("event-row").first()).toBeVisible();
  await expect(alert).toHaveCount(0);
});

test("the trace page shows an error, not an endless skeleton, when its request fails", async ({ page, request }) => {
  const traceId = uniqueId("trace-err");
  await ingest(request, [{ id: `${traceId}-a`, type: "span", name: "root", model: "rag-pipeline", traceId, spanId: "a", timestamp: Date.now() - 1000, latencyMs: 10 }]);
  await page.route("**/api/v1/events?**", (route) => route.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ error: { code: "unavailable", message: "busy", requestId: "x" } }) }));
  await page.goto(`/traces/${traceId}`);
  await expect(page.getByRole("alert").filter({ hasText: "busy" })).toBeVisible();
  await expect(page.locator(".animate-pulse")).toHaveCount(0);
});

test("promote to production asks first and can be undone", async ({ page, request }) => {
  const key = uniqueId("promote");
  await request.post("/api/v1/prompts", { headers: authHeaders, data: { key } });
  await request.post(`/api/v1/prompts/${key}/versions`, { headers: authHeaders, data: { template: "one", labels: ["production"] } });
  await request.post(`/api/v1/prompts/${key}/versions`, { headers: authHeaders, data: { template: "two" } });
  await page.goto(`/prompts/${key}`);
  const rows = page.getByTestId("prompt-version-row");
  await expect(rows).toHaveCount(2);
  const v2 = rows.filter({ hasText: "v2" });
  await v2.getByRole("button", { name: "Promote to production" }).click();
  await v2.getByRole("button", { name: "Cancel" }).click();
  const prodBadge = (row: typeof v2) => row.getByText("production", { exact: true });
  await expect(prodBadge(v2)).toHaveCount(0);
  await v2.getByRole("button", { name: "Promote to production" }).click();
  await v2.getByRole("button", { name: "Promote", exact: true }).click();
  await expect(page.getByRole("status")).toContainText("v2 is now in production");
  await expect(prodBadge(v2)).toHaveCount(1);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("status")).toHaveCount(0);
  await expect(prodBadge(rows.filter({ hasText: "v1" }))).toHaveCount(1);
  await expect(prodBadge(v2)).toHaveCount(0);
  const res = await request.get(`/api/v1/prompts/${key}`, { headers: authHeaders });
  const labels = (await res.json()).prompt.versions.map((v: { version: number; labels: string[] }) => [v.version, v.labels]);
  expect(labels).toEqual([
    [2, ["latest"]],
    [1, ["production"]],
  ]);
});

test("a version cannot be compared with itself; one-version models show no compare controls", async ({ page, request }) => {
  await page.goto("/prompts/support-answer?range=7d");
  const a = page.getByRole("combobox", { name: "Baseline A" });
  const b = page.getByRole("combobox", { name: "Candidate B" });
  const chosenA = await a.inputValue();
  expect(chosenA).not.toBe("");
  expect(await b.locator("option").allTextContents()).not.toContain(await a.locator(`option[value="${chosenA}"]`).textContent());

  const model = uniqueId("single-version");
  await ingest(request, [{ id: `${model}-1`, type: "llm", model, modelVersion: "only", timestamp: Date.now() - 60_000, latencyMs: 5 }]);
  await page.goto(`/models/${model}?range=1h`);
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(model) })).toBeVisible();
  await expect(page.getByTestId("version-comparison")).toHaveCount(0);
});

test("the theme follows the system until chosen, and the toggle shows the state", async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: "dark", storageState: AUTH_FILE });
  const page = await context.newPage();
  await page.goto("/prompts");
  await expect(page.locator("html")).toHaveClass(/dark/);
  const toggle = page.getByRole("button", { name: /Dark theme/ });
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await toggle.click();
  await expect(page.locator("html")).not.toHaveClass(/dark/);
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/light/);
  await context.close();
});

test.describe("phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the sidebar is a menu and the drawer fits the screen with its close button in view", async ({ page }) => {
    await page.goto("/events?range=7d&type=llm");
    await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
    await page.getByRole("button", { name: "Menu" }).click();
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav).toBeVisible();
    await page.screenshot({ path: "docs/screenshots/phone-menu.png" });
    await nav.getByRole("link", { name: "Prompts" }).click();
    await expect(page).toHaveURL(/\/prompts/);
    await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);

    await page.goto("/events?range=7d&type=llm");
    await page.getByTestId("event-row").first().click();
    const close = page.getByRole("button", { name: "Close details" });
    await expect(close).toBeInViewport();
    const dialog = (await page.getByRole("dialog").boundingBox())!;
    expect(dialog.width).toBeLessThanOrEqual(390);
    expect(dialog.x).toBeGreaterThanOrEqual(0);
    await page.screenshot({ path: "docs/screenshots/phone-event-drawer.png" });
    await close.click();
    await expect(page.getByRole("dialog")).toHaveCount(0);
  });

  test("tables scroll inside their card, not the page", async ({ page }) => {
    await page.goto("/?range=7d");
    const table = page.getByRole("table", { name: "Models" });
    await expect(table).toBeVisible();
    const scroller = table.locator("xpath=..");
    const widths = await scroller.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(widths.scroll).toBeGreaterThan(widths.client);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: "docs/screenshots/phone-overview.png", fullPage: true });
  });
});
