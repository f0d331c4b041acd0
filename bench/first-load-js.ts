/**
 * First-load JavaScript per page of the production build, measured the way a browser pays it:
 * Chromium loads each page cold (fresh context, no cache) and we add up every script it
 * fetched, raw and gzip-compressed. Turbopack's `next build` no longer prints these sizes.
 *
 *   npm run build && npx tsx bench/first-load-js.ts
 *
 * Writes bench/results/first-load-js.json. Loopback only; stops by itself.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Browser } from "@playwright/test";
import { openDb } from "@/db/client";
import { bootstrap } from "@/lib/setup/bootstrap";
import { DEMO_EMAIL } from "@/lib/seed/seed-demo";
import { startServer } from "./server";

const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

interface PageJs {
  route: string;
  scripts: number;
  rawKb: number;
  gzipKb: number;
}

async function measure(browser: Browser, base: string, route: string, storageState?: string): Promise<PageJs> {
  const context = await browser.newContext({ storageState });
  const page = await context.newPage();
  const bodies: Promise<Buffer>[] = [];
  page.on("response", (res) => {
    if (res.request().resourceType() === "script") bodies.push(res.body().catch(() => Buffer.alloc(0)));
  });
  await page.goto(base + route, { waitUntil: "networkidle" });
  const all = await Promise.all(bodies);
  await context.close();
  const raw = all.reduce((s, b) => s + b.length, 0);
  const gz = all.reduce((s, b) => s + gzipSync(b).length, 0);
  return { route, scripts: all.length, rawKb: Math.round(raw / 102.4) / 10, gzipKb: Math.round(gz / 102.4) / 10 };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sightline-fljs-"));
  const dbFile = path.join(dir, "bench.db");
  process.env.DATABASE_URL = `file:${dbFile}`; // the generated demo password is kept beside it
  const db = openDb(`file:${dbFile}`);
  const { demo } = await bootstrap(db, {});
  db.close();
  const server = await startServer({ dbFile, port: 3290 + Math.floor(Math.random() * 100) });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ARGS });
  try {
    const login = await browser.newContext();
    const page = await login.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByLabel(/email/i).fill(DEMO_EMAIL);
    await page.getByLabel(/password/i).fill(demo!.password);
    await Promise.all([page.waitForURL((u) => !u.pathname.startsWith("/login")), page.getByRole("button", { name: /sign in/i }).click()]);
    const state = path.join(dir, "state.json");
    await login.storageState({ path: state });
    await login.close();
    const rows = [await measure(browser, server.url, "/login")];
    for (const route of ["/", "/models/gpt-4o", "/prompts", "/prompts/support-answer", "/events", "/traces/0af7651916cd43dd8448eb211c80319c"]) {
      rows.push(await measure(browser, server.url, route, state));
    }
    console.table(rows);
    const out = path.join("bench", "results", "first-load-js.json");
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify({ measuredAt: new Date().toISOString(), pages: rows }, null, 2));
    console.log(`wrote ${out}`);
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
