import { expect, test } from "@playwright/test";
import { PROJECT } from "./env";
import { ingest, uniqueId } from "./helpers";

test("the overview shows the human-confirmed hallucination rate beside the detector's", async ({ page, request }) => {
  const tag = uniqueId("conf");
  const model = `model-${tag}`;
  // Two calls of a fresh model, the detector flags neither; a reviewer confirms one as a hallucination.
  const ids = [0, 1].map((i) => `${tag}-${i}`);
  await ingest(request, ids.map((id) => ({
    id, type: "llm", model, promptId: `prompt-${tag}`, promptVersion: 1, latencyMs: 200, input: "Where is the Eiffel tower?", output: "In Rome.",
    hallucination: { flagged: false, score: 0.1, source: "e2e-judge" },
  })));
  const created = await page.request.post(`/api/v1/review-queues?project=${PROJECT}`, {
    data: { name: `Confirmed ${tag}`, rubric: [{ key: "hallucination", type: "boolean", required: true }], reviewersPerItem: 1 },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { queue } = await created.json();
  const added = await page.request.post(`/api/v1/review-queues/${queue.id}/items?project=${PROJECT}`, { data: { eventIds: ids } });
  expect(added.status(), await added.text()).toBeLessThan(300);
  // The admin (saved session) reviews both items through the API: the first one claimed is a hallucination.
  for (const hallucination of [true, false]) {
    const claim = await page.request.post(`/api/v1/review-queues/${queue.id}/claim?project=${PROJECT}`);
    expect(claim.status(), await claim.text()).toBe(200);
    const { item } = await claim.json();
    const verdict = await page.request.post(`/api/v1/review-items/${item.id}/verdicts?project=${PROJECT}`, { data: { values: { hallucination } } });
    expect(verdict.status(), await verdict.text()).toBe(201);
  }

  await page.goto(`/?project=${PROJECT}&q=${tag}`);
  const models = page.getByRole("table", { name: "Models" });
  await expect(models.getByRole("columnheader", { name: "Confirmed" })).toBeVisible();
  const row = models.getByTestId("model-row").filter({ hasText: model });
  await expect(row).toHaveCount(1);
  // Detector 0% on these calls; reviewers confirmed 1 of 2.
  await expect(row.getByTestId("confirmed-rate")).toHaveText(/50\.0%\s*n=2/);
  const prompts = page.getByRole("table", { name: "Prompts" });
  await expect(prompts.getByTestId("prompt-row").filter({ hasText: `prompt-${tag}` }).getByTestId("confirmed-rate")).toHaveText(/50\.0%\s*n=2/);
  await expect(page.getByRole("region", { name: "Totals" }).getByText("Human-confirmed")).toBeVisible();
  await page.screenshot({ path: "docs/screenshots/overview-confirmed-rate.png", fullPage: true });
});
