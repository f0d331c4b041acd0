import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDb } from "@/db/client";
import { user } from "@/db/schema";
import { bootstrap } from "@/lib/setup/bootstrap";
import { authSecret } from "@/lib/auth/secret";
import { findUserByEmail } from "@/lib/users/create-user";
import { verifyPassword } from "@/lib/users/passwords";
import { DEMO_EMAIL } from "@/lib/seed/seed-demo";
import { demoPassword } from "@/lib/seed/demo-password";

const mode = (p: string) => fs.statSync(p).mode & 0o777;

describe("safe defaults on a fresh installation", () => {
  it("creates the data directory 0700, database and secret files 0600, and a per-install demo password the CLI shows", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "sightline-safe-"));
    const dataDir = path.join(root, "data");
    const dbFile = path.join(dataDir, "sightline.db");
    const prevUrl = process.env.DATABASE_URL;
    const prevSecret = process.env.NEXTAUTH_SECRET;
    process.env.DATABASE_URL = `file:${dbFile}`;
    delete process.env.NEXTAUTH_SECRET;
    try {
      const db = openDb(`file:${dbFile}`);
      const { demo } = await bootstrap(db, { SIGHTLINE_DEMO: "1" });
      authSecret();
      await db.orm.select().from(user).limit(1);
      expect(mode(dataDir)).toBe(0o700);
      for (const f of ["sightline.db", "sightline.db-wal", "sightline.db-shm", "auth-secret", "demo-password"]) {
        expect(mode(path.join(dataDir, f)), f).toBe(0o600);
      }
      expect(demo!.password).not.toBe("sightline-demo");
      expect(demo!.password.length).toBeGreaterThanOrEqual(16);
      expect(await verifyPassword(demo!.password, (await findUserByEmail(db, DEMO_EMAIL))!.passwordHash)).toBe(true);
      db.close();

      const tsx = path.resolve("node_modules/.bin/tsx");
      const res = spawnSync(tsx, ["scripts/sightline.ts", "demo:password"], { env: { ...process.env, DATABASE_URL: `file:${dbFile}` }, encoding: "utf8" });
      expect(res.status).toBe(0);
      expect(res.stdout.trim()).toBe(demo!.password);
    } finally {
      process.env.DATABASE_URL = prevUrl;
      process.env.NEXTAUTH_SECRET = prevSecret;
    }
  }, 60_000);

  it("two installations get different demo passwords", async () => {
    const passwords: string[] = [];
    for (let i = 0; i < 2; i++) {
      const dbFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sightline-safe-")), "d", "s.db");
      process.env.DATABASE_URL = `file:${dbFile}`;
      passwords.push(demoPassword(), demoPassword());
    }
    expect(passwords[0]).toBe(passwords[1]); // stable within one installation
    expect(passwords[2]).not.toBe(passwords[0]);
  });

  it("the README does not publish a demo password", () => {
    const readme = fs.readFileSync("README.md", "utf8");
    expect(readme).not.toMatch(/sightline-demo\b/);
    expect(readme).toMatch(/demo:password/);
  });
});
