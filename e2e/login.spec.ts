import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("signed-out visitors are sent to the login page", async ({ page }) => {
  await page.goto("/models/gpt-4o");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});

test("a wrong password is refused", async ({ page }) => {
  await page.goto("/login");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Email").fill("demo@sightline.local");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("the printed demo login shows the seeded models, and sign-out works", async ({ page }) => {
  await signIn(page, "demo@sightline.local", "sightline-demo");
  const models = page.getByRole("table", { name: "Models" });
  for (const name of ["gpt-4o", "claude-sonnet-4", "llama-3.1-70b-internal", "fraud-xgb", "churn-lgbm"]) {
    await expect(models.getByRole("link", { name, exact: true })).toBeVisible();
  }
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("signing in returns to the deep link that was asked for", async ({ page }) => {
  await page.goto("/events?type=llm&status=error");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fevents%3Ftype%3Dllm%26status%3Derror/);
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Email").fill("demo@sightline.local");
  await page.getByLabel("Password").fill("sightline-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/events\?type=llm&status=error$/);
  await expect(page.getByRole("combobox", { name: "Status" })).toHaveValue("error");
});

test("a callback to another origin is ignored", async ({ page }) => {
  await page.goto("/login?callbackUrl=" + encodeURIComponent("https://evil.example/"));
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Email").fill("demo@sightline.local");
  await page.getByLabel("Password").fill("sightline-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);
});
