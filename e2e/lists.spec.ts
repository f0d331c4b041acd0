import { expect, test } from "@playwright/test";
import { BASE_URL } from "./env";
import { ingest, uniqueId } from "./helpers";

const traceId = uniqueId("list-trace");
const sessionId = uniqueId("list-session");
const userId = uniqueId("list-user");

test.beforeAll(async ({ request }) => {
  const t0 = Date.now() - 5 * 60_000;
  await ingest(request, [
    { id: `${traceId}-root`, type: "span", name: "answer_ticket", model: "support-app", traceId, spanId: "r1", timestamp: t0, latencyMs: 2400, userId, sessionId },
    { id: `${traceId}-llm1`, type: "llm", model: "gpt-4o", traceId, spanId: "l1", parentSpanId: "r1", timestamp: t0 + 100, latencyMs: 900, inputTokens: 800, outputTokens: 120, userId, sessionId, output: "Here is how to reset it." },
    { id: `${traceId}-llm2`, type: "llm", model: "gpt-4o", traceId, spanId: "l2", parentSpanId: "r1", timestamp: t0 + 1100, latencyMs: 700, inputTokens: 300, outputTokens: 40, status: "error", userId, sessionId },
  ]);
});

test("traces, sessions and users are lists that lead to their detail pages", async ({ page }) => {
  await page.goto("/traces?range=1h");
  const traceRow = page.getByTestId("traces-row").filter({ hasText: traceId });
  await expect(traceRow).toContainText("answer_ticket");
  await expect(traceRow.locator("td").nth(3)).toHaveText("3");
  await traceRow.getByRole("link", { name: traceId }).click();
  await expect(page).toHaveURL(new RegExp(`/traces/${traceId}`));
  const totals = page.getByRole("region", { name: "Totals" });
  await expect(totals.getByText("Spans")).toBeVisible();
  await expect(totals).toContainText("1,260"); // tokens: 800 + 120 + 300 + 40
  await expect(page.getByRole("treeitem")).toHaveCount(3);

  await page.goto("/sessions?range=1h");
  await page.getByTestId("sessions-row").filter({ hasText: sessionId }).getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/sessions/${sessionId}`));
  await expect(page.getByTestId("event-row")).toHaveCount(3);
  await expect(page.getByRole("region", { name: "Totals" })).toContainText("LLM calls2");

  await page.goto("/users?range=1h");
  await page.getByTestId("users-row").filter({ hasText: userId }).getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/users/${userId}`));
  await expect(page.getByTestId("event-row")).toHaveCount(3);
  // The drawer names the user and session as links to their pages.
  await page.getByTestId("event-row").first().click();
  await expect(page.getByTestId("event-detail").getByRole("link", { name: sessionId })).toBeVisible();
});

for (const theme of ["light", "dark"] as const) {
  for (const vp of [
    { name: "desktop", width: 1440, height: 900 },
    { name: "phone", width: 390, height: 844 },
  ]) {
    test(`screenshots of the new pages · ${vp.name} · ${theme}`, async ({ page, context }) => {
      await context.addCookies([{ name: "theme", value: theme, url: BASE_URL }]);
      await page.setViewportSize({ width: vp.width, height: vp.height });
      for (const [name, path, ready] of [
        ["traces", "/traces?range=1h", "traces-row"],
        ["trace", `/traces/${traceId}`, null],
        ["sessions", "/sessions?range=1h", "sessions-row"],
        ["user", `/users/${userId}?range=1h`, "event-row"],
      ] as const) {
        await page.goto(path);
        if (ready) await expect(page.getByTestId(ready).first()).toBeVisible();
        else await expect(page.getByRole("treeitem").first()).toBeVisible();
        await page.screenshot({ path: `docs/screenshots/${name}-${vp.name}-${theme}.png`, fullPage: vp.name === "desktop" });
      }
    });
  }
}
