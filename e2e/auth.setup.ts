import { expect, test as setup } from "@playwright/test";
import { ADMIN_EMAIL, ADMIN_PASSWORD, AUTH_FILE } from "./env";
import { signIn } from "./helpers";

/** Logs in once; the other specs reuse the saved cookies. */
setup("sign in as the init admin", async ({ page }) => {
  await signIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await page.context().storageState({ path: AUTH_FILE });
});
