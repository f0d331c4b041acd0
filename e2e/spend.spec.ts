import { expect, test, type Page } from "@playwright/test";
import { BASE_URL } from "./env";
import { ingest, uniqueId } from "./helpers";

async function shoot(page: Page, name: string) {
  for (const theme of ["light", "dark"] as const) {
    await page.context().addCookies([{ name: "theme", value: theme, url: BASE_URL }]);
    for (const [w, h, size] of [[1440, 900, "desktop"], [390, 844, "mobile"]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.reload();
      await page.waitForLoadState("networkidle");
      await page.screenshot({ path: `docs/screenshots/${name}-${size}-${theme}.png`, fullPage: true });
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test("an admin prices an unpriced model in settings and sees its cost after re-pricing", async ({ page, request }) => {
  const model = uniqueId("e2e-finetune");
  // 2 calls an hour ago: 1,000,000 input tokens of which 400,000 read from cache, 100,000 output.
  const t = Date.now() - 3_600_000;
  await ingest(request, [1, 2].map((i) => ({
    id: uniqueId(`call${i}`), type: "llm", model, timestamp: t + i, latencyMs: 900, inputTokens: 1_000_000, cacheReadInputTokens: 400_000,
    outputTokens: 100_000, userId: `${model}-user-${i}`, tags: ["e2e"],
  })));

  await page.goto("/settings/prices");
  const unpriced = page.getByRole("list", { name: "Unpriced models" });
  const row = unpriced.getByRole("listitem").filter({ hasText: model });
  await expect(row).toContainText("2 unpriced calls");
  await row.getByRole("button", { name: "Price it" }).click();

  const form = page.getByRole("form", { name: "Add a price" });
  await expect(form.getByLabel("Model")).toHaveValue(model);
  await form.getByLabel("Input $/1M").fill("2");
  await form.getByLabel("Output $/1M").fill("8");
  await form.getByLabel("Cache read $/1M (optional)").fill("0.5");
  await form.getByRole("button", { name: "Add price" }).click();
  await expect(page.getByText(`Saved price for ${model}`)).toBeVisible();
  await expect(page.getByRole("table", { name: "Prices" })).toContainText(model);

  await page.getByLabel("Model (optional: all when empty)").fill(model);
  await page.getByRole("button", { name: "Re-price last 7 days" }).click();
  // The scheduler's re-pricing job runs every few seconds.
  await expect(page.getByTestId("reprice-status")).toContainText("done", { timeout: 30_000 });
  await expect(page.getByTestId("reprice-status")).toContainText("2 re-priced");
  await expect(unpriced.getByRole("listitem").filter({ hasText: model })).toHaveCount(0);

  // Per call: 600,000 × $2 + 400,000 × $0.50 + 100,000 × $8 = $2.20; two calls = $4.40.
  await page.goto(`/models/${encodeURIComponent(model)}?range=24h`);
  await expect(page.getByRole("region", { name: "Totals" })).toContainText("$4.40");
  await expect(page.getByText("Cost by token kind")).toBeVisible();
  await expect(page.getByText("Cache read").first()).toBeVisible();

  await page.goto(`/spend?by=user&range=24h&model=${encodeURIComponent(model)}`);
  const table = page.getByRole("table", { name: "Top spenders" });
  await expect(table).toContainText(`${model}-user-1`);
  await expect(table).toContainText("$2.20");

  // A $2 daily budget for that user, who spent $2.20: exceeded.
  const budgetForm = page.getByRole("form", { name: "Add a budget" });
  await budgetForm.getByLabel("For").selectOption("user");
  await budgetForm.getByLabel("User id").fill(`${model}-user-1`);
  await budgetForm.getByLabel("Rolling window").selectOption("day");
  await budgetForm.getByLabel("Limit $").fill("2");
  await budgetForm.getByRole("button", { name: "Add budget" }).click();
  const budget = page.getByTestId("budget").filter({ hasText: `User ${model}-user-1` });
  await expect(budget).toContainText("$2.20 / $2.00");
  await expect(budget).toContainText("exceeded");
});

test("screenshots of the price book and spend pages", async ({ page }) => {
  await page.goto("/settings/prices");
  await expect(page.getByRole("table", { name: "Prices" })).toBeVisible();
  await shoot(page, "price-book");
  await page.goto("/spend?by=user&range=7d");
  await expect(page.getByRole("table", { name: "Top spenders" })).toBeVisible();
  await shoot(page, "spend");
});
