import { expect, test } from "@playwright/test";
import { ingest, uniqueId } from "./helpers";

const XSS = `<img src=x onerror=alert(1)>`;

test("LLM output with HTML is shown as text and runs no script", async ({ page, request }) => {
  const id = uniqueId("xss");
  await ingest(request, [
    { id, type: "llm", model: "gpt-4o", promptId: "support-answer", promptVersion: 3, latencyMs: 321, input: `<script>alert(2)</script> hi`, output: XSS },
  ]);
  let dialogs = 0;
  page.on("dialog", async (d) => {
    dialogs++;
    await d.dismiss();
  });
  await page.goto(`/events?range=1h&q=${encodeURIComponent("onerror=alert")}`);
  const rows = page.getByTestId("event-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(XSS);
  await rows.first().click();
  await expect(page).toHaveURL(new RegExp(`event=${id}`));
  const detail = page.getByTestId("event-detail");
  await expect(detail.getByLabel("Output")).toHaveText(XSS);
  await expect(detail.getByLabel("Input")).toContainText("<script>alert(2)</script>");
  await expect(page.locator("img[src='x']")).toHaveCount(0);
  await expect(page.locator("main script, [data-testid=event-detail] script")).toHaveCount(0);
  expect(dialogs).toBe(0);
});

test("filters change the URL and the results; cursor pagination loads more", async ({ page }) => {
  await page.goto("/events?range=7d&type=llm");
  const rows = page.getByTestId("event-row");
  await expect(rows).toHaveCount(50);
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(rows).toHaveCount(100);

  await page.getByRole("combobox", { name: "Status" }).selectOption("error");
  await expect(page).toHaveURL(/status=error/);
  await expect(rows.first()).toBeVisible();
  const statuses = await rows.locator("td:nth-child(5)").allTextContents();
  expect(statuses.every((s) => s.includes("error"))).toBe(true);

  await page.getByRole("combobox", { name: "Model" }).selectOption("claude-sonnet-4");
  await expect(page).toHaveURL(/model=claude-sonnet-4/);
  await expect(rows.first()).toContainText("claude-sonnet-4");
  const models = await rows.locator("td:nth-child(3)").allTextContents();
  expect(models.every((m) => m.startsWith("claude-sonnet-4"))).toBe(true);
});

test("events sharing a trace id render as a tree and a timeline", async ({ page, request }) => {
  const traceId = uniqueId("trace");
  const t0 = Date.now() - 5_000;
  await ingest(request, [
    { id: `${traceId}-root`, type: "span", name: "handle_request", model: "rag-pipeline", traceId, spanId: "a1", timestamp: t0, latencyMs: 2000 },
    { id: `${traceId}-retrieve`, type: "span", name: "retrieve", model: "rag-pipeline", traceId, spanId: "b2", parentSpanId: "a1", timestamp: t0 + 20, latencyMs: 300 },
    { id: `${traceId}-llm`, type: "llm", model: "gpt-4o", traceId, spanId: "c3", parentSpanId: "a1", timestamp: t0 + 400, latencyMs: 1500, output: "answer" },
  ]);
  await page.goto(`/traces/${traceId}`);
  const items = page.getByRole("treeitem");
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText("handle_request");
  await expect(items.nth(0)).toHaveAttribute("aria-level", "1");
  await expect(items.nth(1)).toContainText("retrieve");
  await expect(items.nth(2)).toHaveAttribute("aria-level", "2");
  await items.nth(2).click();
  await expect(page.getByTestId("event-detail").getByLabel("Output")).toHaveText("answer");
});
