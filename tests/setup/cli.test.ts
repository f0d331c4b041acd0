import { sqliteOf } from "@/db/driver";
import { describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDb } from "@/db/client";
import { verifyApiKey } from "@/lib/auth/api-keys";
import { getMetrics } from "@/lib/metrics/get-metrics";
import { testContext } from "@/tests/helpers/db";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sightline-cli-"));
const env = { ...process.env, DATABASE_URL: `file:${path.join(dir, "cli.db")}` };
const tsx = path.resolve("node_modules/.bin/tsx");
const cli = (...args: string[]) => spawnSync(tsx, ["scripts/sightline.ts", ...args], { env, encoding: "utf8" });

describe("npm run sightline", () => {
  it("creates projects, users and keys, seeds load data, and fails usage errors with exit 2", async () => {
    expect(cli("migrate").status).toBe(0);
    expect(cli("project:create", "--slug", "acme").status).toBe(0);
    expect(cli("user:create", "--email", "eng@acme.test", "--password", "long-enough", "--role", "engineer", "--project", "acme").status).toBe(0);
    const key = execFileSync(tsx, ["scripts/sightline.ts", "key:create", "--project", "acme", "--scopes", "ingest,read"], { env, encoding: "utf8" }).trim();
    expect(key).toMatch(/^sl_[\w-]{40,}$/);

    const seeded = cli("seed", "--scenario", "load", "--events", "3000", "--days", "2", "--project", "acme");
    expect(seeded.status).toBe(0);
    expect(seeded.stderr).toMatch(/seeded 3,000 events/);

    const db = openDb(env.DATABASE_URL);
    try {
      const principal = (await verifyApiKey(db, key))!;
      expect(principal.scopes).toEqual(["ingest", "read"]);
      const { groups } = await getMetrics(testContext(db, principal.projectId), { groupBy: "model", from: Date.now() - 3 * 86_400_000 });
      expect(groups.reduce((s, g) => s + g.count, 0)).toBe(3000);
      const user = sqliteOf(db).prepare("SELECT u.email, m.role FROM user u JOIN membership m ON m.user_id = u.id").get();
      expect(user).toEqual({ email: "eng@acme.test", role: "engineer" });
    } finally {
      db.close();
    }

    for (const bad of [["key:create", "--project", "nope", "--scopes", "ingest"], ["key:create", "--project", "acme", "--scopes", "write"], ["user:create", "--email", "x@y.z"], ["frobnicate"], ["seed", "--scenario", "load", "--events", "-5"]]) {
      const res = cli(...bad);
      expect(res.status, bad.join(" ")).toBe(2);
      expect(res.stderr).toMatch(/^error: /);
    }
  }, 60_000);
});
