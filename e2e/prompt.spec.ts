import { expect, test } from "@playwright/test";
import { authHeaders, uniqueId } from "./helpers";

test("comparing two prompt versions shows a significance verdict", async ({ page }) => {
  await page.goto("/prompts/support-answer?range=7d&a=2&b=3");
  await expect(page.getByRole("table", { name: "Prompt versions" }).getByTestId("prompt-version-row")).toHaveCount(3);
  const latency = page.getByTestId("verdict-latency");
  await expect(latency).toContainText(/v3 is (slower|faster) than v2 \(p [<=] [\d.]+\)|No significant difference/);
  await expect(latency).toContainText("Mann–Whitney U");
  await expect(page.getByTestId("verdict-errorRate")).toContainText("Two-proportion z");
  await expect(page.getByLabel("Template diff")).toBeVisible();
  await page.screenshot({ path: "docs/screenshots/prompt-comparison.png", fullPage: true });

  // Picking other versions changes the URL and the verdict's subject.
  await page.getByRole("combobox", { name: "Baseline A" }).selectOption("1");
  await expect(page).toHaveURL(/a=1/);
  await expect(page.getByTestId("verdict-latency")).toContainText(/v3 is (slower|faster) than v1|No significant difference/);
});

test("prompt registry API: register, add versions, move labels", async ({ request, page }) => {
  const key = uniqueId("e2e-prompt");
  let res = await request.post("/api/v1/prompts", { headers: authHeaders, data: { key, name: "E2E prompt" } });
  expect(res.status()).toBe(201);
  res = await request.post("/api/v1/prompts", { headers: authHeaders, data: { key } });
  expect(res.status()).toBe(409);

  res = await request.post(`/api/v1/prompts/${key}/versions`, { headers: authHeaders, data: { template: "Hello {{name}}", labels: ["production"] } });
  expect(res.status()).toBe(201);
  expect((await res.json()).version.version).toBe(1);
  res = await request.post(`/api/v1/prompts/${key}/versions`, { headers: authHeaders, data: { template: "Hi {{name}}!\nBe brief." } });
  expect((await res.json()).version).toMatchObject({ version: 2, labels: ["latest"] });
  res = await request.post(`/api/v1/prompts/${key}/versions`, { headers: authHeaders, data: { version: 2, template: "changed" } });
  expect(res.status()).toBe(409);

  res = await request.patch(`/api/v1/prompts/${key}/versions/2`, { headers: authHeaders, data: { labels: ["production"] } });
  expect(res.status()).toBe(200);
  res = await request.get(`/api/v1/prompts/${key}`, { headers: authHeaders });
  const { prompt } = await res.json();
  expect(prompt.versions.map((v: { version: number; labels: string[] }) => [v.version, v.labels])).toEqual([
    [2, ["production", "latest"]],
    [1, []],
  ]);
  res = await request.patch(`/api/v1/prompts/${key}/versions/1`, { headers: authHeaders, data: { labels: ["latest"] } });
  expect(res.status()).toBe(400);

  await page.goto(`/prompts/${key}?a=1&b=2`);
  await expect(page.getByLabel("Template diff")).toContainText("Be brief.");
});
