import { expect, test } from "@playwright/test";

test("model page renders time series for the seeded model", async ({ page }) => {
  await page.goto("/models/gpt-4o?range=7d");
  await expect(page.getByRole("heading", { name: /gpt-4o/ })).toBeVisible();
  for (const title of ["Requests", "Latency", "Error rate", "Tokens", "Cost", "Hallucination rate"]) {
    await expect(page.getByTestId(`chart-${title}`).locator(".recharts-surface").first()).toBeVisible();
  }
  await page.screenshot({ path: "docs/screenshots/model.png", fullPage: true });
});

test("changing the time range updates the URL and the data", async ({ page }) => {
  await page.goto("/models/gpt-4o");
  const requests = page.getByRole("region", { name: "Totals" }).getByText(/^[\d,.]+K?$/).first();
  await expect(requests).toBeVisible();
  const day = await requests.textContent();
  await page.getByRole("radio", { name: "7d" }).click();
  await expect(page).toHaveURL(/range=7d/);
  await expect(requests).not.toHaveText(day ?? "");
});

test("two model versions compare side by side", async ({ page }) => {
  await page.goto("/models/fraud-xgb?range=7d");
  const cmp = page.getByTestId("version-comparison");
  const a = cmp.getByRole("combobox", { name: "Baseline A" });
  // Each picker leaves out the other's version (no version against itself): list them all from the filter.
  const options = await page.getByRole("combobox", { name: "Version" }).locator("option").allTextContents();
  const versions = options.filter((o) => o !== "All versions");
  expect(versions.length).toBeGreaterThanOrEqual(2);
  // The two busiest versions are compared before any pick.
  await expect(cmp.getByRole("row", { name: /Latency p95/ })).toBeVisible();
  await a.selectOption({ label: versions[0] });
  await cmp.getByRole("combobox", { name: "Candidate B" }).selectOption({ label: versions[1] });
  await expect(page).toHaveURL(/a=.*&b=/);
  await expect(cmp.getByRole("row", { name: /Latency p95/ })).toBeVisible();
});
