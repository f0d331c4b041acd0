import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { BASE_URL, PROJECT } from "./env";
import { authHeaders, ingest, uniqueId } from "./helpers";

/**
 * Dashboard UX, second pass (issue 17): stat cards and names that link, chart buckets by
 * keyboard, the unfinished bucket on every chart kind, stat labels that are never cut, and
 * the range where two compared versions both have data — at a desktop and a phone width, in
 * both themes.
 */
const VIEWPORTS = [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;
const THEMES = ["light", "dark"] as const;

// Module level: each (re)started worker ingests under its own fresh ids.
const tag = uniqueId("ux2");
const model = `drill-${tag}`;
const promptKey = `overlap-${tag}`;
const traceId = `trace-${tag}`;
const H = 3_600_000;
// Seven calls inside one finished minute, a few minutes back.
const minute = Math.floor((Date.now() - 4 * 60_000) / 60_000) * 60_000;

/** A reviewer's verdict exists, so the overview shows its seventh card (Human-confirmed). */
async function confirmOneVerdict(page: Page, request: APIRequestContext) {
  const id = `${tag}-reviewed`;
  await ingest(request, [{ id, type: "llm", model, latencyMs: 20, input: "q", output: "a", timestamp: minute + 40_000 }]);
  const created = await page.request.post(`/api/v1/review-queues?project=${PROJECT}`, {
    data: { name: `ux2 ${tag}`, rubric: [{ key: "hallucination", type: "boolean", required: true }], reviewersPerItem: 1 },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { queue } = await created.json();
  expect((await page.request.post(`/api/v1/review-queues/${queue.id}/items?project=${PROJECT}`, { data: { eventIds: [id] } })).status()).toBeLessThan(300);
  const { item } = await (await page.request.post(`/api/v1/review-queues/${queue.id}/claim?project=${PROJECT}`)).json();
  expect((await page.request.post(`/api/v1/review-items/${item.id}/verdicts?project=${PROJECT}`, { data: { values: { hallucination: true } } })).status()).toBe(201);
}

test.beforeAll(async ({ browser, request }) => {
  // A prompt with two versions that ran a day ago, overlapping by about an hour; since then
  // only v1, in the model's calls below.
  expect((await request.post("/api/v1/prompts", { headers: authHeaders, data: { key: promptKey } })).status()).toBe(201);
  for (const template of ["one", "two"]) expect((await request.post(`/api/v1/prompts/${promptKey}/versions`, { headers: authHeaders, data: { template } })).status()).toBe(201);
  await ingest(request, [
    ...Array.from({ length: 7 }, (_, i) => ({
      id: `${model}-${i}`, type: "llm", model, modelVersion: i < 4 ? "v1" : "v2", timestamp: minute + 1_000 + i * 5_000, latencyMs: 200 + i,
      inputTokens: 10, outputTokens: 5, output: `answer ${i}`, status: i === 0 ? "error" : "ok",
      traceId, spanId: `s${i}`, sessionId: `session-${tag}`, userId: `user-${tag}`, promptId: promptKey, promptVersion: 1,
    })),
  ]);
  const dayAgo = Date.now() - 30 * H;
  await ingest(request, [
    { id: `${promptKey}-1a`, type: "llm", model: "gpt-4o", promptId: promptKey, promptVersion: 1, timestamp: dayAgo, latencyMs: 10 },
    { id: `${promptKey}-1b`, type: "llm", model: "gpt-4o", promptId: promptKey, promptVersion: 1, timestamp: dayAgo + 2 * H, latencyMs: 10 },
    { id: `${promptKey}-2a`, type: "llm", model: "gpt-4o", promptId: promptKey, promptVersion: 2, timestamp: dayAgo + 1 * H, latencyMs: 10 },
    { id: `${promptKey}-2b`, type: "llm", model: "gpt-4o", promptId: promptKey, promptVersion: 2, timestamp: dayAgo + 3 * H, latencyMs: 10 },
  ]);
  const context = await browser.newContext({ storageState: "e2e/.auth/admin.json", baseURL: BASE_URL });
  await confirmOneVerdict(await context.newPage(), request);
  await context.close();
});

/** Every stat label on the page fits its card: no word is cut (labels wrap between words only). */
async function expectNoCutLabels(page: Page) {
  const labels = page.getByTestId("stat-label");
  await expect(labels.first()).toBeVisible();
  const cut = await labels.evaluateAll((els) =>
    els.filter((el) => el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight).map((el) => `${el.textContent} (${el.scrollWidth}>${el.clientWidth})`),
  );
  expect(cut).toEqual([]);
}

for (const vp of VIEWPORTS) {
  for (const theme of THEMES) {
    test.describe(`${vp.name} · ${theme}`, () => {
      test.use({ viewport: { width: vp.width, height: vp.height } });
      test.beforeEach(async ({ context }) => {
        await context.addCookies([{ name: "theme", value: theme, url: BASE_URL }]);
      });
      const shot = (name: string) => (theme === "light" ? `docs/screenshots/${name}-${vp.name}.png` : undefined);

      test("overview: seven stat cards, no label cut, Requests and Error rate open exactly their events", async ({ page }) => {
        await page.goto("/?range=7d");
        const totals = page.getByRole("region", { name: "Totals" });
        await expect(totals.getByText("Human-confirmed")).toBeVisible();
        await expect(totals.getByTestId("stat-label")).toHaveCount(7);
        await expectNoCutLabels(page);
        if (shot("overview-stats")) await totals.screenshot({ path: shot("overview-stats") });
        // The demo fleet has LLMs and ML models: each type's share links to its own events.
        await totals.getByRole("link", { name: /^LLM [\d.]+%$/ }).click();
        await expect(page).toHaveURL(/\/events\?(?=.*range=7d)(?=.*type=llm)(?=.*status=error)/);
        await expect(page.getByTestId("event-row").first()).toBeVisible();
        const statuses = await page.getByTestId("event-row").locator("td:nth-child(5)").allTextContents();
        expect(statuses.every((s) => s.includes("error"))).toBe(true);
        await page.goBack();
        await page.getByRole("region", { name: "Totals" }).getByRole("link", { name: /Tokens/ }).click();
        await expect(page).toHaveURL(/\/events\?(?=.*range=7d)(?=.*type=llm)/);
      });

      test("model page: every count card links; names in the events table link to their pages", async ({ page }) => {
        await page.goto(`/models/${model}?range=1h`);
        const totals = page.getByRole("region", { name: "Totals" });
        await expectNoCutLabels(page);
        for (const name of ["Requests", "Error rate", "Tokens", "Cost"]) {
          await expect(totals.getByRole("link", { name: new RegExp(name) })).toHaveAttribute("href", new RegExp(`model=${model}`));
        }
        await expect(totals.getByRole("link", { name: /Error rate/ })).toHaveAttribute("href", /status=error/);
        // Exactly the card's count (other tests add calls in the current minute).
        const requests = Number((await totals.getByRole("link", { name: /Requests/ }).textContent())!.replace(/\D/g, ""));
        expect(requests).toBeGreaterThanOrEqual(8);
        await totals.getByRole("link", { name: /Requests/ }).click();
        await expect(page.getByTestId("event-row")).toHaveCount(requests);
        const row = page.getByTestId("event-row").filter({ hasText: "answer 6" });
        for (const [name, path] of [
          [`Trace ${traceId}`, `/traces/${traceId}`],
          [`Session session-${tag}`, `/sessions/session-${tag}`],
          [`User user-${tag}`, `/users/user-${tag}`],
        ] as const) {
          await expect(row.getByRole("link", { name, exact: true })).toHaveAttribute("href", new RegExp(`^${path}`));
        }
        await expect(row.getByRole("link", { name: promptKey })).toHaveAttribute("href", new RegExp(`^/prompts/${promptKey}`));
        await row.getByRole("link", { name: model }).click();
        await expect(page).toHaveURL(new RegExp(`/models/${model}`));
        await expect(page.getByRole("dialog")).toHaveCount(0);
      });

      test("chart buckets are reachable by keyboard, named, and Enter opens exactly that bucket", async ({ page }) => {
        await page.goto(`/models/${model}?range=1h`);
        const chart = page.getByTestId("chart-Requests");
        await expect(chart.locator(".recharts-surface")).toBeVisible();
        // One Tab stop per chart: from the card's "Events" link, Tab lands on the newest bucket.
        await chart.getByRole("link", { name: "Events behind Requests" }).focus();
        await page.keyboard.press("Tab");
        const focused = () => page.evaluate(() => ({ t: Number(document.activeElement?.getAttribute("data-t")), name: document.activeElement?.getAttribute("aria-label") ?? "" }));
        const first = await focused();
        expect(first.name).toMatch(/ UTC, \d+ requests/);
        for (let i = 0; i < (first.t - minute) / 60_000; i++) await page.keyboard.press("ArrowLeft");
        const at = await focused();
        expect(at.t).toBe(minute);
        expect(at.name).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d–\d\d:\d\d UTC, 8 requests$/);
        // Sighted keyboard users see the focused bucket's name too.
        await expect(chart.getByTestId("bucket-caption")).toHaveText(at.name);
        if (shot("chart-keyboard")) await chart.screenshot({ path: shot("chart-keyboard") });
        await page.keyboard.press("Enter");
        await expect(page).toHaveURL(new RegExp(`/events\\?.*from=${minute}&to=${minute + 59_999}.*model=${model}`));
        await expect(page.getByTestId("event-row")).toHaveCount(8);
      });

      test("the unfinished bucket is drawn as such on bar, line and area charts", async ({ page, request }) => {
        // A call in the current minute, early enough in it that the page renders before it ends.
        if (new Date().getUTCSeconds() > 45) await page.waitForTimeout((61 - new Date().getUTCSeconds()) * 1000);
        await ingest(request, [{ id: uniqueId(`${model}-now`), type: "llm", model, latencyMs: 150, output: "now" }]);
        await page.goto(`/models/${model}?range=1h`);
        for (const [title, kind] of [["Requests", "bar"], ["Latency", "line"], ["Error rate", "area"]] as const) {
          const chart = page.getByTestId(`chart-${title}`);
          await expect(chart.locator(".recharts-surface")).toBeVisible();
          await expect(chart.getByTestId("unfinished-note")).toHaveText(kind === "bar" ? /^Faded bar: the current minute/ : /^Dashed end: the current minute/);
          if (kind === "bar") await expect(chart.locator('[data-testid="chart-bar"][data-unfinished="true"]')).toHaveCount(1);
          // One in-progress dot per series (Latency: p50, p95, p99).
          else await expect(chart.getByTestId("chart-partial-dot")).toHaveCount(title === "Latency" ? 3 : 1);
          const last = chart.getByTestId("chart-bucket").last();
          await expect(last).toHaveAttribute("aria-label", /\(in progress\)$/);
        }
        // The tooltip over the last bucket says it is still filling up.
        const surface = page.getByTestId("chart-Latency").locator(".recharts-surface");
        await surface.scrollIntoViewIfNeeded();
        const box = (await surface.boundingBox())!;
        await page.mouse.move(box.x + box.width - 6, box.y + box.height / 2);
        await expect(page.getByTestId("chart-Latency").getByText(/in progress \(bucket still filling\)/)).toBeVisible();
        if (shot("unfinished-bucket")) await page.getByTestId("chart-Latency").screenshot({ path: shot("unfinished-bucket") });
      });

      test("a comparison of versions without data in the range offers the range where both have data", async ({ page }) => {
        await page.goto(`/prompts/${promptKey}?range=24h`);
        const offer = page.getByTestId("overlap-offer");
        await expect(offer).toContainText("v1 and v2 do not both have data in this range");
        if (shot("version-overlap")) await page.getByTestId("version-comparison").screenshot({ path: shot("version-overlap") });
        await offer.getByRole("button", { name: "Show the range where both have data" }).click();
        await expect(page).toHaveURL(/range=custom/);
        const url = new URL(page.url());
        expect([url.searchParams.get("a"), url.searchParams.get("b")]).toEqual(["1", "2"]);
        const from = Number(url.searchParams.get("from"));
        const to = Number(url.searchParams.get("to"));
        expect(to).toBeGreaterThan(from);
        await expect(page.getByTestId("overlap-offer")).toHaveCount(0);
        const table = page.getByRole("table", { name: "Compare versions" });
        // In the overlap v1 made one call and v2 two.
        await expect(table.getByRole("row").filter({ hasText: "Requests" }).getByRole("cell")).toHaveText(["Requests", "1", "2", /.*/]);
      });
    });
  }
}
