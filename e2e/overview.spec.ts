import { expect, test } from "@playwright/test";

test("overview lists every seeded model and prompt with health rows", async ({ page }) => {
  await page.goto("/");
  const models = page.getByRole("table", { name: "Models" });
  await expect(models.getByTestId("model-row")).toHaveCount(5);
  await expect(page.getByRole("table", { name: "Prompts" }).getByTestId("prompt-row")).toHaveCount(5);
  await expect(models.getByRole("link", { name: "gpt-4o", exact: true })).toBeVisible();
  await page.screenshot({ path: "docs/screenshots/overview.png", fullPage: true });
});

test("filters and sorting live in the URL and change the rows", async ({ page }) => {
  await page.goto("/");
  const rows = page.getByRole("table", { name: "Models" }).getByTestId("model-row");
  await expect(rows).toHaveCount(5);

  await page.getByRole("combobox", { name: "Kind" }).selectOption("ml");
  await expect(page).toHaveURL(/kind=ml/);
  await expect(rows).toHaveCount(2);

  await page.getByRole("radio", { name: "7d" }).click();
  await expect(page).toHaveURL(/range=7d/);

  // A reload of the same link reproduces the view.
  await page.reload();
  await expect(rows).toHaveCount(2);
  await expect(page.getByRole("radio", { name: "7d" })).toHaveAttribute("aria-checked", "true");

  await page.getByRole("combobox", { name: "Kind" }).selectOption("all");
  await page.getByRole("searchbox", { name: "Search" }).fill("claude");
  await expect(page).toHaveURL(/q=claude/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("claude-sonnet-4");
});
