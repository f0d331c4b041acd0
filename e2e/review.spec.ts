import { execFileSync } from "node:child_process";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { parseCsv } from "../lib/export/csv";
import { BASE_URL, DB_FILE, PROJECT } from "./env";
import { ingest, signIn, uniqueId } from "./helpers";

const PASSWORD = "review-e2e-password";

/** A project member created through the CLI against the e2e database (WAL: safe beside the server). */
function createUser(email: string, role: string) {
  execFileSync("npx", ["tsx", "scripts/sightline.ts", "user:create", "--email", email, "--password", PASSWORD, "--role", role, "--project", PROJECT], {
    env: { ...process.env, DATABASE_URL: `file:${DB_FILE}` },
    stdio: "pipe",
  });
}

async function signedIn(browser: Browser, email: string, theme: "light" | "dark" = "dark"): Promise<Page> {
  // An empty storage state: the project's default would sign this context in as the admin.
  const context = await browser.newContext({ baseURL: BASE_URL, viewport: { width: 1440, height: 900 }, storageState: { cookies: [], origins: [] } });
  await context.addCookies([{ name: "theme", value: theme, url: BASE_URL }]);
  const page = await context.newPage();
  await signIn(page, email, PASSWORD);
  return page;
}

/** Labels the item on screen with keys only: hallucination (1 yes / 2 no), severity 3 (high), Ctrl+Enter. */
async function labelWithKeyboard(page: Page, hallucination: boolean) {
  await page.keyboard.press(hallucination ? "1" : "2");
  await expect(page.locator('[data-field="hallucination"] [role="radio"][aria-checked="true"]')).toHaveText(hallucination ? /yes/ : /no/);
  await page.keyboard.press("3");
  await expect(page.locator('[data-field="severity"] [role="radio"][aria-checked="true"]')).toHaveText(/high/);
  const shown = await page.getByTestId("review-item").getByTestId("event-id").innerText();
  await page.keyboard.press("Control+Enter");
  // The judged item leaves the screen at once; the next one (if any) is a different event.
  await expect(page.getByTestId("review-item").getByTestId("event-id").filter({ hasText: shown })).toHaveCount(0);
}

test("reviewers label with the keyboard, one disagrees, an engineer adjudicates, the export has the final label", async ({ page, browser, request }) => {
  test.setTimeout(180_000);
  const tag = uniqueId("rv");
  const [alice, bob, erin] = ["alice", "bob", "erin"].map((n) => `${n}-${tag}@review.e2e`);
  createUser(alice, "reviewer");
  createUser(bob, "reviewer");
  createUser(erin, "engineer");

  // The admin (saved session) creates a two-reviewer queue and adds three events from the explorer.
  const created = await page.request.post(`/api/v1/review-queues?project=${PROJECT}`, {
    data: {
      name: `Triage ${tag}`, description: "Is the answer supported by the context?",
      instructions: "Answer yes when the output states something the retrieved context does not support.",
      rubric: [
        { key: "hallucination", label: "Hallucination?", type: "boolean", required: true },
        { key: "severity", label: "Severity", type: "categorical", options: ["low", "medium", "high"] },
        { key: "correct_answer", label: "Correct answer", type: "text" },
      ],
      reviewersPerItem: 2, correctedOutput: true,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { queue } = await created.json();
  const ids = [0, 1, 2].map((i) => `${tag}-${i}`);
  await ingest(request, ids.map((id, i) => ({
    id, type: "llm", model: "gpt-4o", promptId: "support-answer", promptVersion: 2, latencyMs: 300,
    input: `Where is the Eiffel tower? (${tag})`, context: ["The Eiffel Tower is in Paris."], output: `It is in ${i === 0 ? "Rome" : "Paris"}. ${tag}`,
    hallucination: { flagged: i === 0, score: i === 0 ? 0.91 : 0.12, source: "e2e-judge" },
  })));
  await page.goto(`/events?project=${PROJECT}&q=${tag}&range=1h`);
  await expect(page.getByTestId("event-row")).toHaveCount(3);
  await page.getByLabel("Review queue").selectOption(String(queue.id));
  await page.getByRole("button", { name: "Add all matching filter" }).click();
  await expect(page.getByTestId("add-to-queue").getByRole("status")).toHaveText("Added 3.");
  await page.getByRole("button", { name: "Add all matching filter" }).click();
  await expect(page.getByTestId("add-to-queue").getByRole("status")).toHaveText("Added 0, 3 already queued.");
  await page.getByLabel(`Select event ${ids[1]}`).check();
  await page.getByRole("button", { name: "Add selected (1)" }).click();
  await expect(page.getByTestId("add-to-queue").getByRole("status")).toHaveText("Added 0, 1 already queued.");

  // Alice: three items, keyboard only; her count moves with each verdict.
  const a = await signedIn(browser, alice);
  await a.goto(`/review?project=${PROJECT}`);
  await expect(a.getByTestId("queue-row").filter({ hasText: queue.name })).toContainText("assigned to me");
  await a.goto(`/review/${queue.id}?project=${PROJECT}`);
  await expect(a.getByTestId("shortcuts-bar")).toContainText("Ctrl+Enter");
  for (let n = 1; n <= 3; n++) {
    await expect(a.getByTestId("review-item")).toBeVisible();
    if (n === 1) {
      await a.keyboard.press("?");
      await expect(a.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
      await a.screenshot({ path: "docs/screenshots/review-shortcuts.png" });
      await a.keyboard.press("?");
      await expect(a.getByRole("dialog")).toHaveCount(0);
      await a.screenshot({ path: "docs/screenshots/review-item-dark.png", fullPage: true });
    }
    // Alice judges right: only the "Rome" answer contradicts the context.
    await labelWithKeyboard(a, (await a.getByTestId("event-id").innerText()) === `${tag}-0`);
    await expect(a.getByTestId("my-count")).toHaveText(String(n));
  }
  await expect(a.getByTestId("queue-done")).toBeVisible();

  // Bob misses the "Rome" hallucination (the detector flagged it): one disagreement.
  const b = await signedIn(browser, bob, "light");
  await b.goto(`/review/${queue.id}?project=${PROJECT}`);
  for (let n = 1; n <= 3; n++) {
    await expect(b.getByTestId("review-item")).toBeVisible();
    if (n === 1) await b.screenshot({ path: "docs/screenshots/review-item-light.png", fullPage: true });
    await labelWithKeyboard(b, false);
    await expect(b.getByTestId("my-count")).toHaveText(String(n));
  }
  await expect(b.getByTestId("queue-done")).toBeVisible();
  await b.goto(`/review?project=${PROJECT}`);
  await expect(b.getByTestId("queue-row").filter({ hasText: queue.name })).toContainText("3 / 3");
  await b.screenshot({ path: "docs/screenshots/review-queues-light.png" });

  // Erin (engineer) adjudicates the one disagreement.
  const e = await signedIn(browser, erin);
  await e.goto(`/review/${queue.id}/adjudicate?project=${PROJECT}`);
  const card = e.getByTestId("disagreement");
  await expect(card).toHaveCount(1);
  await expect(card).toContainText(`${tag}-0`);
  await expect(e.getByTestId("queue-stats")).toContainText("Awaiting adjudication");
  await e.screenshot({ path: "docs/screenshots/review-adjudicate-dark.png", fullPage: true });
  await card.locator('[data-field="hallucination"]').getByRole("radio", { name: /yes/ }).click();
  // Both reviewers said "high": the form starts from what they agree on.
  await expect(card.locator('[data-field="severity"]').getByRole("radio", { name: /high/ })).toHaveAttribute("aria-checked", "true");
  await card.getByRole("button", { name: "Save final label" }).click();
  await expect(card.getByRole("status")).toContainText("Final label recorded");

  const csv = await e.request.get(`/api/v1/review-queues/${queue.id}/export?project=${PROJECT}&format=csv`);
  expect(csv.status()).toBe(200);
  const rows = parseCsv(await csv.text());
  const header = rows[0];
  const at = (row: string[], col: string) => row[header.indexOf(col)];
  const forRome = rows.slice(1).filter((r) => at(r, "event_id") === `${tag}-0`);
  expect(forRome.map((r) => at(r, "reviewer")).sort()).toEqual([alice, bob].sort());
  expect(forRome.map((r) => at(r, "value.hallucination")).sort()).toEqual(["false", "true"]);
  for (const r of forRome) {
    expect(at(r, "final.hallucination")).toBe("true");
    expect(at(r, "final_source")).toBe("adjudication");
    expect(at(r, "final.severity")).toBe("high");
  }

  // The prompt page shows what humans confirmed beside the detector: one of three by the final
  // labels, the one the detector flagged.
  await e.goto(`/prompts/support-answer?project=${PROJECT}&range=1h&a=1&b=2`);
  const rates = e.getByRole("table", { name: "Human-confirmed hallucination rate" });
  await expect(rates.getByRole("row").filter({ hasText: "v2" })).toContainText(/3\s*1\s*33\.3%\s*33\.3%/);

  // Narrow screens: the workbench and the list stay usable.
  await e.setViewportSize({ width: 390, height: 844 });
  await e.goto(`/review?project=${PROJECT}`);
  await e.screenshot({ path: "docs/screenshots/review-queues-mobile.png", fullPage: true });
  await e.goto(`/review/${queue.id}/adjudicate?project=${PROJECT}`);
  await expect(e.getByTestId("queue-stats")).toBeVisible();
  await e.screenshot({ path: "docs/screenshots/review-adjudicate-mobile.png", fullPage: true });
});
