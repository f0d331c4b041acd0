import { expect, test, type Page } from "@playwright/test";
import { authHeaders, ingest, uniqueId } from "./helpers";

/** Each payload would set window.__xss (or open a dialog) if any page rendered it as HTML. */
const PAYLOADS = [
  `<img src=x onerror="window.__xss=1">`,
  `<script>window.__xss=2</script>`,
  `"><svg onload="window.__xss=3">`,
  `javascript:window.__xss=4`,
];

async function expectNoScriptRan(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await expect(page.locator("img[src='x'], svg[onload], main script")).toHaveCount(0);
}

test("XSS payloads in prompts, outputs, model names and metadata run no script anywhere in the UI", async ({ page, request }) => {
  const tag = uniqueId("x");
  const model = `${PAYLOADS[0]}${tag}`;
  const promptKey = `${PAYLOADS[2]}${tag}`;
  let dialogs = 0;
  page.on("dialog", async (d) => {
    dialogs++;
    await d.dismiss();
  });

  expect((await request.post("/api/v1/prompts", { headers: authHeaders, data: { key: promptKey, name: PAYLOADS[1], description: PAYLOADS[3] } })).status()).toBe(201);
  const version = await request.post(`/api/v1/prompts/${encodeURIComponent(promptKey)}/versions`, { headers: authHeaders, data: { template: PAYLOADS.join("\n") } });
  expect(version.status()).toBe(201);
  await ingest(request, [
    {
      id: `${tag}-1`, type: "llm", model, modelVersion: PAYLOADS[1], promptId: promptKey, promptVersion: 1, latencyMs: 10,
      input: [{ role: "user", content: PAYLOADS[1] }], output: PAYLOADS[0], context: [PAYLOADS[2]],
      metadata: { [PAYLOADS[0]]: PAYLOADS[3], nested: { html: PAYLOADS[2] } }, tags: [PAYLOADS[1]], userId: PAYLOADS[2],
      errorMessage: PAYLOADS[0], status: "error",
    },
    { id: `${tag}-2`, type: "prediction", model: `${PAYLOADS[2]}ml${tag}`, features: { [PAYLOADS[1]]: PAYLOADS[0] }, prediction: PAYLOADS[3], latencyMs: 3 },
  ]);

  const pages = [
    "/?range=1h",
    "/prompts",
    `/prompts/${encodeURIComponent(promptKey)}?range=1h`,
    `/models/${encodeURIComponent(model)}?range=1h`,
    `/events?range=1h&q=${encodeURIComponent(tag)}`,
    "/audit",
    "/settings",
  ];
  for (const url of pages) {
    await page.goto(url);
    await page.waitForLoadState("networkidle");
    await expectNoScriptRan(page);
  }
  // The event drawer renders input, output, context and metadata.
  await page.goto(`/events?range=1h&event=${encodeURIComponent(`${tag}-1`)}`);
  const detail = page.getByTestId("event-detail");
  await expect(detail.getByLabel("Output")).toHaveText(PAYLOADS[0]);
  await expect(detail).toContainText(PAYLOADS[3]);
  await expectNoScriptRan(page);
  await page.goto(`/events?range=1h&event=${encodeURIComponent(`${tag}-2`)}`);
  await expect(page.getByTestId("event-detail")).toBeVisible();
  await expectNoScriptRan(page);
  // The prompt page shows the template and name as text.
  await page.goto(`/prompts/${encodeURIComponent(promptKey)}?range=1h`);
  await expect(page.getByText(PAYLOADS[1]).first()).toBeVisible();
  await expectNoScriptRan(page);
  expect(dialogs).toBe(0);
});
