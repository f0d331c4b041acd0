import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { describe, expect, it } from "vitest";
import { openDb } from "@/db/client";
import { pgRows } from "@/db/pg/driver";
import { MIGRATIONS_PG } from "@/db/pg/open";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { llmEvent } from "@/tests/helpers/ingest-client";

/**
 * A PostgreSQL database that already holds events from before the partitioning migration
 * (db/migrations-pg/0003_partition-keys.sql, docs/adr/0048): after the upgrade its events are in
 * the default partition, each is claimed in event_idempotency (a resend stays a duplicate), and
 * its rollup rows are kept (writer shard 0).
 */

/** The committed PostgreSQL migrations before the one tagged `…_<name>`, in a folder of their own. */
function migrationsBefore(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sightline-migrations-"));
  fs.mkdirSync(path.join(dir, "meta"));
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_PG, "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };
  const upTo = journal.entries.findIndex((e) => e.tag.endsWith(`_${name}`));
  if (upTo < 1) throw new Error(`no migration tagged ${name} after the first`);
  journal.entries = journal.entries.slice(0, upTo);
  fs.writeFileSync(path.join(dir, "meta", "_journal.json"), JSON.stringify(journal));
  for (const e of journal.entries) fs.copyFileSync(path.join(MIGRATIONS_PG, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}

async function emptyDatabase(): Promise<string> {
  const admin = process.env.SIGHTLINE_TEST_PG_URL!;
  const name = `up_${process.pid}_${Date.now()}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  return admin.replace(/\/[^/]*$/, `/${name}`);
}

describe("upgrading a PostgreSQL database to partitioned events", () => {
  it("keeps every stored event (in the default partition), their idempotency and the rollups", async () => {
    const url = await emptyDatabase();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await migrate(drizzle({ client }), { migrationsFolder: migrationsBefore("partition-keys") });
    await client.end();

    // Events stored by the previous version (the old schema: a unique client-id index, no
    // partitions, no claims table yet).
    const now = Date.now();
    const old = openDb(url, { migrate: false });
    const [{ id: projectId }] = await pgRows<{ id: number }>(old, "INSERT INTO project (slug, name, created_at) VALUES ('up', 'up', $1) RETURNING id", [now]);
    await pgRows(
      old,
      `INSERT INTO event (id, project_id, client_id, type, ts, received_at, environment, body, latency_ms)
       SELECT ($1::bigint - g * 1000) * 1024, $2, 'old-' || g, 'llm', $1::bigint - g * 1000, $1::bigint - g * 1000, 'production', '{}', 100
       FROM generate_series(1, 5) g`,
      [now, projectId],
    );
    await pgRows(
      old,
      `INSERT INTO rollup (project_id, resolution, bucket, kind, model_id, model_version_id, prompt_id, prompt_version_id, count, error_count,
         latency_count, latency_sum, input_tokens, output_tokens, cost_usd, unpriced_count, flagged_count, judged_count)
       VALUES ($1, 86400000, $2, 1, 1, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0)`,
      [projectId, Math.floor(now / 86_400_000) * 86_400_000],
    );
    await old.close();

    const db = openDb(url);
    await db.ready();
    try {
      const parts = await pgRows<{ part: string; n: number }>(db, "SELECT tableoid::regclass::text AS part, count(*)::int AS n FROM event GROUP BY 1");
      expect(parts).toEqual([{ part: "event_default", n: 5 }]);
      expect((await pgRows<{ n: number }>(db, "SELECT count(*)::int AS n FROM event_idempotency WHERE project_id = $1", [projectId]))[0].n).toBe(5);
      expect((await pgRows<{ s: number }>(db, "SELECT writer_shard AS s FROM rollup"))).toEqual([{ s: 0 }]);
      // A resend of a stored event is still a duplicate; a new one is stored.
      const r = await ingestEvents(db, projectId, [llmEvent({ id: "old-3" }), llmEvent({ id: "new-1" })], { now });
      expect(r.results.map((x) => x.status)).toEqual(["duplicate", "accepted"]);
      // The old rollup row (shard 0) and the new event's rows are both counted by the day reads.
      const [{ n }] = await pgRows<{ n: number }>(db, "SELECT sum(count)::int AS n FROM rollup WHERE project_id = $1 AND resolution = 86400000", [projectId]);
      expect(n).toBe(6);
    } finally {
      await db.close();
    }
  });
});
