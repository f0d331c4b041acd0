import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { API_KEY } from "./env";

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  // Wait for hydration: the form posts through next-auth's client.
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/, { timeout: 30_000 });
}

/** Sends events through the public ingest API with the init key. */
export async function ingest(request: APIRequestContext, events: Record<string, unknown>[]) {
  const res = await request.post("/api/v1/ingest", { headers: { authorization: `Bearer ${API_KEY}` }, data: { events } });
  expect(res.status(), await res.text()).toBe(200);
  return res.json();
}

export const authHeaders = { authorization: `Bearer ${API_KEY}` };

export function uniqueId(prefix: string) {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
