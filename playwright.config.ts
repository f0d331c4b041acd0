import { defineConfig, devices } from "@playwright/test";
import { ADMIN_EMAIL, ADMIN_PASSWORD, API_KEY, AUTH_FILE, BASE_URL, DATA_DIR, DATABASE_URL, E2E_PORT, PG_URL, PROJECT } from "./e2e/env";

/**
 * E2E against the production build (`scripts/start.ts` builds when sources changed), on a
 * throwaway SQLite file under e2e/.data that the web server command wipes first, in Debian's
 * Chromium (no browser download works on our machines).
 */
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

export default defineConfig({
  testDir: "./e2e",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    viewport: { width: 1440, height: 900 },
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "signed-out", testMatch: /login\.spec\.ts/, use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 } } },
    {
      name: "chromium",
      testIgnore: /login\.spec\.ts/,
      dependencies: ["setup"],
      use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 }, storageState: AUTH_FILE },
    },
  ],
  webServer: {
    // The demo is seeded explicitly: start never seeds it when SIGHTLINE_INIT_* is set.
    command: `rm -rf "${DATA_DIR}" && mkdir -p "${DATA_DIR}"${PG_URL ? " && npx tsx e2e/reset-postgres.ts" : ""} && npx tsx scripts/sightline.ts seed --scenario demo && npx tsx scripts/start.ts`,
    url: `${BASE_URL}/login`,
    timeout: 15 * 60_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      DATABASE_URL,
      SIGHTLINE_DATA_DIR: DATA_DIR,
      PORT: String(E2E_PORT),
      NEXTAUTH_URL: BASE_URL,
      SIGHTLINE_INIT_PROJECT: PROJECT,
      SIGHTLINE_INIT_ADMIN_EMAIL: ADMIN_EMAIL,
      SIGHTLINE_INIT_ADMIN_PASSWORD: ADMIN_PASSWORD,
      SIGHTLINE_INIT_API_KEY: API_KEY,
      SIGHTLINE_INIT_API_KEY_SCOPES: "ingest,read,admin",
      SIGHTLINE_SQLITE_SYNCHRONOUS: "NORMAL",
      // e2e/alerts.spec.ts sends test notifications to a receiver on 127.0.0.1.
      SIGHTLINE_WEBHOOK_ALLOW_HOSTS: "127.0.0.1",
    },
  },
});
