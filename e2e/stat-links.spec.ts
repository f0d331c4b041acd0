import { expect, test } from "@playwright/test";
import { ingest, uniqueId } from "./helpers";

/**
 * The stat cards that are not event counts still lead somewhere (issue 17): "Needs attention"
 * sorts the fleet worst first, a model's "Latest version" opens that version's predictions,
 * and "Versions" jumps to the version comparison.
 */
test("Needs attention sorts the fleet by health, worst first", async ({ page }) => {
  await page.goto("/?range=24h");
  const card = page.getByRole("link", { name: /Needs attention/ });
  await expect(card).toBeVisible();
  await card.click();
  await expect(page).toHaveURL(/sort=health/);
  const url = new URL(page.url());
  expect(url.searchParams.get("dir")).toBe("desc");
  expect(url.searchParams.get("range")).toBe("24h");
});

test("a model's Latest version and Versions cards link to that version's events and the comparison", async ({ page, request }) => {
  const model = uniqueId("stat-links");
  const now = Date.now();
  await ingest(request, [
    ...Array.from({ length: 4 }, (_, i) => ({ id: `${model}-a${i}`, type: "prediction", model, modelVersion: "1.0", timestamp: now - 3_600_000 + i * 1000, prediction: 1 })),
    ...Array.from({ length: 3 }, (_, i) => ({ id: `${model}-b${i}`, type: "prediction", model, modelVersion: "2.0", timestamp: now - 1_800_000 + i * 1000, prediction: 0 })),
  ]);
  await page.goto(`/models/${model}?range=24h`);
  const latest = page.getByRole("link", { name: /Latest version/ });
  await expect(latest).toBeVisible();
  await latest.click();
  await expect(page).toHaveURL(/\/events\?/);
  const url = new URL(page.url());
  expect(url.searchParams.get("model")).toBe(model);
  expect(url.searchParams.get("modelVersion")).toBe("2.0");
  await expect(page.locator("tbody tr")).toHaveCount(3);

  await page.goto(`/models/${model}?range=24h`);
  await page.getByRole("link", { name: /^Versions/ }).click();
  await expect(page).toHaveURL(/#version-comparison$/);
  await expect(page.locator("#version-comparison")).toBeInViewport();
});
