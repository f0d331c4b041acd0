import { expect, test } from "@playwright/test";
import { PROJECT } from "./env";
import { uniqueId } from "./helpers";
import { lookEverywhere } from "./look";

test("an engineer creates a queue from the queues page (errors under their fields first), then edits it", async ({ page }) => {
  const name = uniqueId("Support answers");
  await page.goto("/review");
  await page.getByRole("link", { name: "New queue" }).click();
  await expect(page).toHaveURL(/\/review\/new/);
  const form = page.getByRole("form", { name: "New review queue" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Description").fill("Weekly sample of support answers");
  await form.getByLabel("Instructions for reviewers").fill("Check the answer against the retrieved context.");
  await expect(form.getByLabel("Key").first()).toHaveValue("hallucination");

  // A second rubric field, categorical with a single option, and a bad e-mail: both refused in the browser.
  await form.getByRole("button", { name: "Add rubric field" }).click();
  const second = form.getByRole("group", { name: "Field 2" });
  await second.getByLabel("Key").fill("severity");
  await second.getByLabel("Label").fill("Severity");
  await second.getByLabel("Type").selectOption("categorical");
  await second.getByLabel("Options (comma-separated)").fill("low");
  await form.getByLabel("Assigned reviewers (e-mails)").fill("not-an-email");
  await form.getByRole("button", { name: "Create queue" }).click();
  const options = second.getByLabel("Options (comma-separated)");
  await expect(options).toBeFocused();
  await expect(options).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Assigned reviewers (e-mails)")).toHaveAttribute("aria-invalid", "true");
  await lookEverywhere(page, "review-queue-new");

  await options.fill("low, medium, high");
  await form.getByLabel("Assigned reviewers (e-mails)").fill("");
  await form.getByLabel("Only events the detector flagged").check();
  await form.getByLabel("Sample rate (0–1)").fill("0.5");
  await form.getByLabel("Model", { exact: true }).fill("gpt-4o");
  await form.getByLabel("Reviewers per item").selectOption("2");
  await form.getByRole("button", { name: "Create queue" }).click();
  await expect(page).toHaveURL(/\/review(\?|$)/);
  const row = page.getByTestId("queue-row").filter({ hasText: name });
  await expect(row).toContainText("Weekly sample of support answers");

  const listed = await (await page.request.get(`/api/v1/review-queues?project=${PROJECT}`)).json();
  const queue = listed.queues.find((q: { name: string }) => q.name === name);
  expect(queue).toMatchObject({
    reviewersPerItem: 2, routing: { flagged: true, sampleRate: 0.5, model: "gpt-4o" }, assignees: [],
    rubric: [{ key: "hallucination", label: "Hallucination?", type: "boolean", required: true }, { key: "severity", label: "Severity", type: "categorical", options: ["low", "medium", "high"] }],
  });

  // Edit: the same form, prefilled; a name already taken comes back from the API as a 409 message.
  const other = uniqueId("Other queue");
  expect((await page.request.post(`/api/v1/review-queues?project=${PROJECT}`, { data: { name: other, rubric: [{ key: "ok", type: "boolean" }], reviewersPerItem: 1 } })).status()).toBe(201);
  await row.getByRole("link", { name: `Edit ${name}` }).click();
  const edit = page.getByRole("form", { name: "Edit review queue" });
  await expect(edit.getByLabel("Name")).toHaveValue(name);
  await expect(edit.getByRole("group", { name: "Field 2" }).getByLabel("Options (comma-separated)")).toHaveValue("low, medium, high");
  await expect(edit.getByLabel("Reviewers per item")).toHaveValue("2");
  await expect(edit.getByLabel("Sample rate (0–1)")).toHaveValue("0.5");
  await edit.getByLabel("Name").fill(other);
  await edit.getByRole("button", { name: "Save queue" }).click();
  await expect(edit.getByRole("alert").filter({ hasText: "already exists" })).toBeVisible();

  // A numeric field whose range is upside down: the error lands on Minimum.
  await edit.getByLabel("Name").fill(name);
  await edit.getByRole("button", { name: "Add rubric field" }).click();
  const third = edit.getByRole("group", { name: "Field 3" });
  await third.getByLabel("Key").fill("score");
  await third.getByLabel("Type").selectOption("numeric");
  await third.getByLabel("Minimum").fill("5");
  await third.getByLabel("Maximum").fill("1");
  await edit.getByRole("button", { name: "Save queue" }).click();
  await expect(third.getByLabel("Minimum")).toHaveAccessibleDescription("min must not exceed max");
  await lookEverywhere(page, "review-queue-edit");

  // Keyboard only: fix the range, clear the model filter, submit with Enter.
  await third.getByLabel("Minimum").fill("1");
  await third.getByLabel("Maximum").fill("5");
  await edit.getByLabel("Model", { exact: true }).fill("");
  await edit.getByLabel("Description").fill("Daily sample");
  await edit.getByLabel("Name").press("Enter");
  await expect(page).toHaveURL(/\/review(\?|$)/);
  await expect(page.getByTestId("queue-row").filter({ hasText: name })).toContainText("Daily sample");
  const after = (await (await page.request.get(`/api/v1/review-queues/${queue.id}?project=${PROJECT}`)).json()).queue;
  expect(after.routing).toEqual({ flagged: true, sampleRate: 0.5 });
  expect(after.rubric.map((f: { key: string }) => f.key)).toEqual(["hallucination", "severity", "score"]);
  expect(after.rubric[2]).toMatchObject({ type: "numeric", min: 1, max: 5 });
  await lookEverywhere(page, "review-queues");
});
