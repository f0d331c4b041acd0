import { expect, test } from "@playwright/test";

test("overview lists every seeded model and prompt with health rows", async ({ page }) => {
  await page.goto("/");
  const models = page.getByRole("table", { name: "Models" });
  for (const name of ["gpt-4o", "claude-sonnet-4", "llama-3.1-70b-internal", "fraud-xgb", "churn-lgbm"]) {
    await expect(models.getByRole("link", { name, exact: true })).toBeVisible();
  }
  const prompts = page.getByRole("table", { name: "Prompts" });
  await expect(prompts.getByTestId("prompt-row").first()).toBeVisible();
  expect(await prompts.getByTestId("prompt-row").count()).toBeGreaterThanOrEqual(5);
  await page.screenshot({ path: "docs/screenshots/overview.png", fullPage: true });
});

test("filters and sorting live in the URL and change the rows", async ({ page }) => {
  await page.goto("/");
  // Other specs may add models through the API, so count the seeded ML models by name.
  const table = page.getByRole("table", { name: "Models" });
  const rows = table.getByTestId("model-row");
  // The seeded ML models (model-quality.spec.ts adds ML models of its own through the API).
  const seededMl = rows.filter({ hasText: /fraud-xgb|churn-lgbm/ });
  await expect(table.getByRole("link", { name: "gpt-4o", exact: true })).toBeVisible();

  await page.getByRole("combobox", { name: "Kind" }).selectOption("ml");
  await expect(page).toHaveURL(/kind=ml/);
  await expect(table.getByRole("link", { name: "gpt-4o", exact: true })).toHaveCount(0);
  await expect(seededMl).toHaveCount(2);

  await page.getByRole("radio", { name: "7d" }).click();
  await expect(page).toHaveURL(/range=7d/);

  // A reload of the same link reproduces the view.
  await page.reload();
  await expect(seededMl).toHaveCount(2);
  await expect(page.getByRole("radio", { name: "7d" })).toHaveAttribute("aria-checked", "true");

  await page.getByRole("combobox", { name: "Kind" }).selectOption("all");
  await page.getByRole("searchbox", { name: "Search" }).fill("claude");
  await expect(page).toHaveURL(/q=claude/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("claude-sonnet-4");
});
