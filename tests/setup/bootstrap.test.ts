import { SCOPES } from "@/db/schema";
import { sqliteOf } from "@/db/driver";
import { beforeEach, describe, expect, it } from "vitest";
import { freshDb, testContext } from "@/tests/helpers/db";
import { bootstrap } from "@/lib/setup/bootstrap";
import { verifyApiKey } from "@/lib/auth/api-keys";
import { findUserByEmail } from "@/lib/users/create-user";
import { listMemberships } from "@/lib/projects/memberships";
import { getMetrics } from "@/lib/metrics/get-metrics";
import { DEMO_EMAIL } from "@/lib/seed/seed-demo";
import type { Db } from "@/db/client";

let db: Db;
beforeEach(async () => {
  db = await freshDb();
});

const INIT = {
  SIGHTLINE_INIT_PROJECT: "acme",
  SIGHTLINE_INIT_ADMIN_EMAIL: "Ops@Example.test",
  SIGHTLINE_INIT_ADMIN_PASSWORD: "s3cret-pass",
  SIGHTLINE_INIT_API_KEY: "sl_" + "i".repeat(43),
  SIGHTLINE_INIT_API_KEY_SCOPES: "ingest,read",
};

describe("bootstrap", () => {
  it("creates the init admin, project and exact key, idempotently, without a demo when disabled", async () => {
    for (let i = 0; i < 2; i++) {
      const res = await bootstrap(db, { ...INIT, SIGHTLINE_DEMO: "0" });
      expect(res.init).toEqual({ projectSlug: "acme", adminEmail: INIT.SIGHTLINE_INIT_ADMIN_EMAIL, apiKeyRegistered: true });
      expect(res.demo).toBeUndefined();
    }
    const user = (await findUserByEmail(db, "ops@example.test"))!;
    expect((await listMemberships(db, user.id)).map((m) => [m.slug, m.role])).toEqual([["acme", "admin"]]);
    const key = (await verifyApiKey(db, INIT.SIGHTLINE_INIT_API_KEY))!;
    expect(key.scopes.sort()).toEqual(["ingest", "read"]);
    expect(sqliteOf(db).prepare("SELECT count(*) AS n FROM api_key").get()).toEqual({ n: 1 });
    expect(sqliteOf(db).prepare("SELECT key_hash FROM api_key").get()).not.toEqual({ key_hash: INIT.SIGHTLINE_INIT_API_KEY });
  });

  it("seeds the demo on an empty, unconfigured database only, with 3 LLM and 2 ML models and versioned prompts", async () => {
    const first = await bootstrap(db, {});
    expect(first.demo!.events).toBeGreaterThan(10_000);
    const again = await bootstrap(db, {});
    expect(again.demo).toBeUndefined();
    const models = sqliteOf(db).prepare("SELECT kind, count(*) AS n FROM model GROUP BY kind ORDER BY kind").all();
    expect(models).toEqual([{ kind: "llm", n: 3 }, { kind: "ml", n: 2 }]);
    const prompts = sqliteOf(db).prepare("SELECT p.key, count(v.id) AS n FROM prompt p JOIN prompt_version v ON v.prompt_id = p.id GROUP BY p.id").all() as { n: number }[];
    expect(prompts).toHaveLength(5);
    expect(prompts.every((p) => p.n >= 2 && p.n <= 3)).toBe(true);
    const demo = (await findUserByEmail(db, DEMO_EMAIL))!;
    const projectId = (await listMemberships(db, demo.id))[0].projectId;
    const { groups } = await getMetrics(testContext(db, projectId), { groupBy: "model", from: Date.now() - 7 * 86_400_000 });
    const llm = groups.filter((g) => g.kind === "llm");
    expect(llm.some((g) => g.errorRate! > 0)).toBe(true);
    expect(llm.some((g) => (g.flaggedCount ?? 0) > 0)).toBe(true);
    expect(llm.some((g) => (g.unpricedCount ?? 0) > 0)).toBe(true);
    const psi = sqliteOf(db).prepare("SELECT max(value) AS v FROM metric_point WHERE name = 'drift.psi'").get() as { v: number };
    expect(psi.v).toBeGreaterThan(0.2);
  });

  it("never seeds the demo when any SIGHTLINE_INIT_* is set", async () => {
    for (const env of [INIT, { SIGHTLINE_INIT_PROJECT: "solo" }]) {
      const fresh = await freshDb();
      expect((await bootstrap(fresh, env)).demo).toBeUndefined();
      expect(await findUserByEmail(fresh, DEMO_EMAIL)).toBeUndefined();
    }
  });

  it("gives the init key ingest only by default, and refuses keys that do not look generated", async () => {
    await bootstrap(db, { SIGHTLINE_INIT_PROJECT: "k", SIGHTLINE_INIT_API_KEY: INIT.SIGHTLINE_INIT_API_KEY });
    expect((await verifyApiKey(db, INIT.SIGHTLINE_INIT_API_KEY))!.scopes).toEqual(["ingest"]);
    for (const key of ["changeme", "sl_short", "sl_" + "x".repeat(42) + "!"]) {
      await expect(bootstrap(db, { SIGHTLINE_INIT_API_KEY: key })).rejects.toThrow(/look like a generated key/);
    }
    await expect(bootstrap(db, { SIGHTLINE_INIT_API_KEY: "sl_" + "j".repeat(43), SIGHTLINE_INIT_API_KEY_SCOPES: "ingest,root" })).rejects.toThrow(/SCOPES/);
  });

  it("refuses half an admin", async () => {
    await expect(bootstrap(db, { SIGHTLINE_INIT_ADMIN_EMAIL: "a@b.c", SIGHTLINE_DEMO: "0" })).rejects.toThrow(/both/);
  });
});
