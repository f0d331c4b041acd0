import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { BASE_URL, PROJECT } from "./env";
import { authHeaders, ingest, uniqueId } from "./helpers";

/**
 * Every page at a desktop and a phone width, in both themes: the document never scrolls
 * sideways and axe-core finds no serious or critical violation.
 */
const VIEWPORTS = [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;
const THEMES = ["light", "dark"] as const;

// Module level: the page list below is built when the file loads, before any hook runs. A
// restarted worker reloads the module and ingests under its own fresh ids.
const traceId = uniqueId("a11y-trace");
const eventId = `${traceId}-llm`;
let queueId = "";
let incidentId = "";

test.beforeAll(async ({ request }) => {
  const t0 = Date.now() - 60_000;
  await ingest(request, [
    { id: `${traceId}-root`, type: "span", name: "handle_request", model: "rag-pipeline", traceId, spanId: "r1", timestamp: t0, latencyMs: 900 },
    { id: eventId, type: "llm", model: "gpt-4o", traceId, spanId: "l1", parentSpanId: "r1", timestamp: t0 + 50, latencyMs: 700, userId: "a11y-user", sessionId: "a11y-session", input: "What is the refund window for an order placed yesterday?", output: "Thirty days from delivery, according to the policy excerpt." },
  ]);
  const created = await request.post(`/api/v1/review-queues?project=${PROJECT}`, {
    data: { name: uniqueId("A11y queue"), instructions: "Is the answer supported?", rubric: [{ key: "ok", label: "Supported?", type: "boolean", required: true }], reviewersPerItem: 1 },
  });
  expect(created.status(), await created.text()).toBe(201);
  queueId = String((await created.json()).queue.id);
  // A rule on a model that never sends opens an incident on the first evaluation.
  const ruleName = uniqueId("a11y rule");
  const rule = await request.post("/api/v1/alert-rules", {
    headers: authHeaders,
    data: { name: ruleName, metric: "request_count", scope: { model: uniqueId("nothing") }, windowSeconds: 300, comparator: "<", threshold: 1, noData: "alert" },
  });
  expect(rule.status(), await rule.text()).toBe(201);
  const evaluated = await request.post("/api/v1/alert-rules/evaluate", { headers: authHeaders });
  expect(evaluated.status()).toBe(200);
  incidentId = String((await evaluated.json()).transitions.find((t: { ruleName: string }) => t.ruleName === ruleName).incidentId);
});

/** Path → something that shows the page finished loading its data. */
function pages(): { name: string; path: string | (() => string); ready: (p: Page) => Promise<void> }[] {
  const heading = (name: string | RegExp) => async (p: Page) => {
    await expect(p.getByRole("heading", { level: 1, name })).toBeVisible();
  };
  return [
    { name: "overview", path: "/", ready: async (p) => void (await expect(p.getByRole("table", { name: "Models" })).toBeVisible()) },
    { name: "prompts", path: "/prompts", ready: async (p) => void (await expect(p.getByRole("table", { name: "Prompts" })).toBeVisible()) },
    { name: "prompt", path: "/prompts/support-answer?range=7d", ready: async (p) => void (await expect(p.getByTestId("prompt-version-row").first()).toBeVisible()) },
    { name: "model-llm", path: "/models/gpt-4o?range=7d", ready: async (p) => void (await expect(p.getByTestId("chart-Cost").locator(".recharts-surface")).toBeVisible()) },
    { name: "model-ml", path: "/models/fraud-xgb?range=7d", ready: async (p) => void (await expect(p.getByTestId("chart-Latency").locator(".recharts-surface")).toBeVisible()) },
    { name: "events", path: "/events?range=7d", ready: async (p) => void (await expect(p.getByTestId("event-row").first()).toBeVisible()) },
    { name: "event-drawer", path: `/events?range=1h&event=${eventId}`, ready: async (p) => void (await expect(p.getByTestId("event-detail")).toBeVisible()) },
    { name: "trace", path: `/traces/${traceId}`, ready: async (p) => void (await expect(p.getByRole("treeitem")).toHaveCount(2)) },
    { name: "traces", path: "/traces?range=1h", ready: async (p) => void (await expect(p.getByTestId("traces-row").first()).toBeVisible()) },
    { name: "sessions", path: "/sessions?range=7d", ready: async (p) => void (await expect(p.getByRole("table", { name: "Sessions" })).toBeVisible()) },
    { name: "users", path: "/users?range=7d", ready: async (p) => void (await expect(p.getByRole("table", { name: "Users" })).toBeVisible()) },
    { name: "user", path: `/users/a11y-user?range=1h`, ready: async (p) => void (await expect(p.getByTestId("event-row").first()).toBeVisible()) },
    { name: "spend", path: "/spend?range=7d", ready: heading("Spend") },
    { name: "prices", path: "/settings/prices", ready: heading("Price book") },
    { name: "settings", path: "/settings", ready: async (p) => void (await expect(p.getByRole("table", { name: "Members" })).toBeVisible()) },
    { name: "audit", path: "/audit", ready: async (p) => void (await expect(p.getByTestId("audit-row").first()).toBeVisible()) },
    { name: "review", path: "/review", ready: heading("Review") },
    { name: "review-queue", path: () => `/review/${queueId}`, ready: async (p) => void (await expect(p.getByTestId("queue-progress")).toBeVisible()) },
    { name: "review-adjudicate", path: () => `/review/${queueId}/adjudicate`, ready: async (p) => void (await expect(p.getByTestId("no-disagreements")).toBeVisible()) },
    { name: "session-detail", path: "/sessions/a11y-session?range=1h", ready: async (p) => void (await expect(p.getByTestId("event-row").first()).toBeVisible()) },
    { name: "alerts", path: "/alerts", ready: async (p) => void (await expect(p.getByRole("table", { name: "Alert rules" })).toBeVisible()) },
    { name: "alert-channels", path: "/alerts/channels", ready: heading("Alert channels") },
    { name: "incidents", path: "/alerts/incidents", ready: async (p) => void (await expect(p.getByRole("table", { name: "Incidents" })).toBeVisible()) },
    { name: "incident", path: () => `/alerts/incidents/${incidentId}`, ready: async (p) => void (await expect(p.getByRole("table", { name: "State history" })).toBeVisible()) },
    { name: "not-found-route", path: "/no/such/page", ready: heading("Page not found") },
    { name: "not-found-model", path: "/models/no-such-model", ready: heading(/No model/) },
  ];
}

for (const vp of VIEWPORTS) {
  for (const theme of THEMES) {
    test.describe(`${vp.name} · ${theme}`, () => {
      test.use({ viewport: { width: vp.width, height: vp.height } });
      test.beforeEach(async ({ context }) => {
        await context.addCookies([{ name: "theme", value: theme, url: BASE_URL }]);
      });
      for (const pg of pages()) {
        test(`${pg.name}: no sideways scroll, no serious axe violation`, async ({ page }) => {
          await page.goto(typeof pg.path === "string" ? pg.path : pg.path());
          await pg.ready(page);
          await expect(page.locator("html")).toHaveClass(theme === "dark" ? /dark/ : /light/);
          const { overflow, widest } = await page.evaluate(() => {
            const root = document.documentElement;
            // The deepest elements reaching past the right edge name the culprit in the failure message.
            const past = [...document.body.querySelectorAll("*")].filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1);
            const leaves = past.filter((el) => !past.some((o) => o !== el && el.contains(o)));
            const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${[...el.classList].slice(0, 4).join(".")} "${(el.textContent ?? "").trim().slice(0, 30)}"`;
            return { overflow: root.scrollWidth - root.clientWidth, widest: leaves.slice(0, 3).map(describe).join(" | ") };
          });
          expect(overflow, `document is ${overflow}px wider than the viewport: ${widest}`).toBeLessThanOrEqual(0);
          const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
          const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
          expect(bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);
        });
      }
    });
  }
}
