import { expect, test } from "@playwright/test";
import { authHeaders, ingest, uniqueId } from "./helpers";

const H = 3_600_000;

/**
 * A model whose `amount` feature shifted between yesterday and today, the rest unchanged:
 * the drift tab must list `amount` first and show its histogram.
 */
test("the drift tab shows the drifted feature first with its histogram", async ({ page, request }) => {
  const model = uniqueId("churn-gbm");
  const now = Date.now();
  const events = [0, 1].flatMap((day) =>
    Array.from({ length: 300 }, (_, i) => ({
      id: `${model}-${day}-${i}`,
      type: "prediction",
      model,
      modelVersion: day === 0 ? "1.0" : "1.1",
      timestamp: now - (2 - day) * 24 * H + 60_000 + i * 60_000,
      features: { amount: (i % 80) + (day === 1 ? 45 : 0), plan: ["free", "team", "pro"][i % 3], tenure: i % 40 },
      attributions: { amount: day === 1 ? 0.1 : 0.5, plan: 0.2, tenure: day === 1 ? 0.6 : 0.05 },
      prediction: i % 2,
      score: (i % 10) / 10,
    })),
  );
  await ingest(request, events);
  const labels = Array.from({ length: 100 }, (_, i) => ({ id: `${model}-l-${i}`, type: "label", model, targetId: `${model}-1-${i}`, label: i % 3 === 0 ? 1 : 0 }));
  await ingest(request, labels);
  const lineage = await request.put(`/api/v1/models/${model}/versions/1.1`, {
    headers: authHeaders,
    data: { dataset: { name: "churn-train", version: "2026-11", rows: 52000 }, code: { gitCommit: "9f1c2ab", repositoryUrl: "https://git.example/churn" }, parentVersion: "1.0" },
  });
  expect(lineage.status()).toBe(200);

  await page.goto(`/models/${model}?range=24h&tab=drift`);
  const table = page.getByRole("table", { name: "Feature drift" });
  await expect(table).toBeVisible();
  const firstRow = table.locator("tbody tr").first();
  await expect(firstRow).toHaveAttribute("data-feature", "amount");
  await expect(firstRow.getByText("Drifted")).toBeVisible();
  const histogram = page.getByTestId("feature-histogram");
  await expect(histogram.getByRole("heading", { name: /amount/ })).toBeVisible();
  await expect(histogram.locator(".recharts-surface").first()).toBeVisible();
  await expect(page.getByTestId("reference-note")).toContainText("previous window");
  await expect(page.getByText("Ranking changed")).toBeVisible();
  await page.screenshot({ path: "docs/screenshots/model-drift.png", fullPage: true });

  // Uploading a CSV baseline drawn from today's distribution: the report now uses it and amount is stable.
  const csv = ["amount,plan,tenure,prediction", ...Array.from({ length: 300 }, (_, i) => `${(i % 80) + 45},${["free", "team", "pro"][i % 3]},${i % 40},${i % 2}`)].join("\n");
  const upload = page.getByRole("form", { name: "Upload a reference dataset" });
  await upload.getByLabel("CSV file").setInputFiles({ name: "churn-train.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await upload.getByRole("button", { name: "Use as baseline" }).click();
  await expect(upload.getByRole("status")).toHaveText(/Baseline set/);
  await expect(page.getByTestId("reference-note")).toContainText('uploaded dataset "churn-train"');
  await expect(page.getByTestId("reference-note")).toContainText("training data of version 1.1");
  await expect(table.locator('tbody tr[data-feature="amount"]').getByText("Stable")).toBeVisible();

  // Picking another feature swaps the histogram.
  await table.locator('tbody tr[data-feature="plan"]').click();
  await expect(histogram.getByRole("heading", { name: /plan/ })).toBeVisible();

  await page.getByRole("radio", { name: "Performance" }).click();
  await expect(page).toHaveURL(/tab=performance/);
  await expect(page.getByRole("region", { name: "Performance summary" }).getByText("Accuracy")).toBeVisible();
  await expect(page.getByRole("table", { name: "Confusion matrix" })).toBeVisible();
  // The charts load on their own (dynamic import): wait for both before the screenshot.
  await expect(page.locator(".recharts-surface")).toHaveCount(2);
  await page.screenshot({ path: "docs/screenshots/model-performance.png", fullPage: true });

  await page.getByRole("radio", { name: "Lineage" }).click();
  await expect(page.getByRole("region", { name: "Lineage of version 1.1" })).toContainText("churn-train");

  // The drift tab on a phone, in the dark theme.
  await page.context().addCookies([{ name: "theme", value: "dark", url: page.url() }]);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/models/${model}?range=24h&tab=drift`);
  await expect(page.getByRole("table", { name: "Feature drift" })).toBeVisible();
  await expect(page.getByTestId("feature-histogram").locator(".recharts-surface").first()).toBeVisible();
  await page.screenshot({ path: "docs/screenshots/model-drift-mobile-dark.png", fullPage: true });
});

/**
 * The ML tab's charts drill down like the others (issue 17): Enter on a bucket of "Label
 * coverage" opens the explorer on exactly that hour's predictions of the model.
 */
test("an ML chart bucket opens the explorer on that hour's predictions", async ({ page, request }) => {
  const model = uniqueId("drill-ml");
  const hour = Math.floor((Date.now() - 5 * H) / H) * H;
  const predictions = Array.from({ length: 12 }, (_, i) => ({
    id: `${model}-${i}`, type: "prediction", model, timestamp: hour + 60_000 + i * 60_000, features: { amount: i }, prediction: i % 2, score: 0.5,
  }));
  // Three more in the next hour, which must not be counted.
  const later = Array.from({ length: 3 }, (_, i) => ({ id: `${model}-n${i}`, type: "prediction", model, timestamp: hour + H + 60_000 * (i + 1), features: { amount: i }, prediction: 0 }));
  await ingest(request, [...predictions, ...later]);
  await ingest(request, Array.from({ length: 6 }, (_, i) => ({ id: `${model}-l${i}`, type: "label", model, targetId: `${model}-${i}`, label: i % 2 })));

  await page.goto(`/models/${model}?range=24h&tab=performance`);
  const buckets = page.getByRole("group", { name: /^Label coverage: buckets/ });
  await expect(buckets).toBeAttached();
  const bucket = buckets.locator(`[data-t="${hour}"]`);
  await expect(bucket).toHaveAttribute("aria-label", /UTC/);
  await bucket.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/events\?/);
  const url = new URL(page.url());
  expect(url.searchParams.get("type")).toBe("prediction");
  expect(url.searchParams.get("model")).toBe(model);
  expect(Number(url.searchParams.get("from"))).toBe(hour);
  expect(Number(url.searchParams.get("to"))).toBe(hour + H - 1);
  await expect(page.locator("tbody tr")).toHaveCount(12);
});
