/**
 * `npm run bench:pg`: SQLite against PostgreSQL 15 on this machine, for ingest (docs/scaling.md,
 * docs/adr/0044). A durable throw-away cluster (fsync and synchronous commit on, like SQLite's
 * synchronous=FULL) is started in a temporary directory and removed afterwards.
 *   1. The store path (storeUnits: rows, dimensions, prices, rollups, one transaction per
 *      batch of 500): SQLite; PostgreSQL with one writer; PostgreSQL with two writers at once
 *      (two pools, as two instances).
 *   2. The raw event insert of the PostgreSQL store, three ways: multi-row INSERT … SELECT FROM
 *      unnest(…) ON CONFLICT DO NOTHING (what the store does), COPY into a staging table then
 *      INSERT … SELECT ON CONFLICT DO NOTHING (COPY with the idempotency contract), and plain
 *      COPY into the table (no conflict handling: the ceiling). The tables are plain copies of
 *      `event` (LIKE, not partitioned); since docs/adr/0048 they carry no unique client-id index
 *      (idempotency is the store's separate `event_idempotency` insert, measured in part 1 only).
 * BENCH_SHAPE=real stores issue 10's real-traffic shape instead (BENCH_EVENTS per writer).
 * Writes bench/results/pg-ingest.json. Numbers are this machine's, under its load (printed).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { openDb, type Db } from "@/db/client";
import { createProject } from "@/lib/projects/create-project";
import { storeUnits, type StoreItem } from "@/lib/ingest/store-events";
import type { IngestEvent } from "@/lib/ingest/event-schema";
import { startPgCluster } from "@/tests/helpers/pg-cluster";
import { randomBytes, randomUUID } from "node:crypto";
import { rng } from "@/lib/seed/random";
import { realTrafficEvent } from "@/lib/seed/real-traffic-events";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);
const BATCH = 500;
const RAW_ROWS = Number(process.env.BENCH_RAW_ROWS ?? 50_000);
const RAW_CHUNK = 1000;
/** "real": UUIDv4 ids, a random trace id on every event and text (issue 10's shape); default the old synthetic calls. */
const SHAPE = process.env.BENCH_SHAPE === "real" ? "real" : "old";

function events(prefix: string, n: number, now: number): StoreItem[] {
  if (SHAPE === "real") {
    const r = rng(n + prefix.charCodeAt(0));
    return Array.from({ length: n }, () => ({ event: realTrafficEvent(r, randomUUID(), randomBytes(16).toString("hex"), now - r.int(0, 5000)) }));
  }
  return Array.from({ length: n }, (_, i) => ({
    event: {
      id: `${prefix}-${i}`, type: "llm", model: `model-${i % 3}`, modelVersion: `v${i % 2}`, promptId: `prompt-${i % 4}`, promptVersion: 1 + (i % 2),
      latencyMs: 20 + ((i * 7919) % 3000) / 3, inputTokens: 800 + (i % 400), outputTokens: 120 + (i % 90), status: i % 20 === 0 ? "error" : "ok",
      environment: "production", timestamp: now - (i % 600) * 100, input: `question ${i} about the refund policy`, output: `answer ${i}: thirty days`,
    } as unknown as IngestEvent,
  }));
}

async function storeAll(db: Db, projectId: number, items: StoreItem[], now: number): Promise<number> {
  const t = performance.now();
  for (let i = 0; i < items.length; i += BATCH) await storeUnits(db, [{ projectId, items: items.slice(i, i + BATCH) }], now);
  return performance.now() - t;
}

const rate = (rows: number, ms: number) => Math.round(rows / (ms / 1000));

async function main() {
  const loadStart = os.loadavg()[0];
  const cluster = await startPgCluster({ durable: true });
  const admin = new pg.Client({ connectionString: cluster.url("postgres") });
  await admin.connect();
  const results: Record<string, unknown> = { shape: SHAPE, events: EVENTS, batch: BATCH, cpus: os.cpus().length, loadAvgStart: loadStart };
  try {
    const now = Date.now();
    // 1. The store path.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sightline-bench-pg-"));
    const sqlite = openDb(`file:${path.join(dir, "bench.db")}`);
    const sp = (await createProject(sqlite, { slug: "bench" })).id;
    const sqliteMs = await storeAll(sqlite, sp, events("s", EVENTS, now), now);
    await sqlite.close();

    await admin.query("CREATE DATABASE bench_one");
    const one = openDb(cluster.url("bench_one"), { poolSize: 4 });
    await one.ready();
    const p1 = (await createProject(one, { slug: "bench" })).id;
    const pgOneMs = await storeAll(one, p1, events("p", EVENTS, now), now);
    await one.close();

    await admin.query("CREATE DATABASE bench_two");
    const [a, b] = [openDb(cluster.url("bench_two"), { poolSize: 4 }), openDb(cluster.url("bench_two"), { poolSize: 4, migrate: false })];
    await a.ready();
    const p2 = (await createProject(a, { slug: "bench" })).id;
    const t2 = performance.now();
    await Promise.all([storeAll(a, p2, events("a", EVENTS, now), now), storeAll(b, p2, events("b", EVENTS, now), now)]);
    const pgTwoMs = performance.now() - t2;
    await a.close();
    await b.close();
    results.store = {
      sqliteEventsPerSec: rate(EVENTS, sqliteMs),
      postgresOneWriterEventsPerSec: rate(EVENTS, pgOneMs),
      postgresTwoWritersEventsPerSec: rate(2 * EVENTS, pgTwoMs),
    };

    // 2. The raw insert, three ways, into fresh event tables.
    await admin.query("CREATE DATABASE bench_raw");
    const raw = new pg.Client({ connectionString: cluster.url("bench_raw") });
    await raw.connect();
    const migrated = openDb(cluster.url("bench_raw"), { poolSize: 1 });
    await migrated.ready();
    await migrated.close();
    const rows = Array.from({ length: RAW_ROWS }, (_, i) => [now * 1024 + i, 1, `c${i}`, "llm", now, now, 1, 1, 1, 1, "production", null, null, null, null, null, "ok", 12.5, 900, 130, 0.0021, null, null, null, null, `{"input":"question ${i}","output":"answer ${i}"}`]);
    const cols = "id, project_id, client_id, type, ts, received_at, model_id, model_version_id, prompt_id, prompt_version_id, environment, user_id, session_id, trace_id, span_id, parent_span_id, status, latency_ms, input_tokens, output_tokens, cost_usd, unpriced, flagged, hallucination_score, score, body";
    const types = ["bigint", "bigint", "text", "text", "bigint", "bigint", "bigint", "bigint", "bigint", "bigint", "text", "text", "text", "text", "text", "text", "text", "float8", "bigint", "bigint", "float8", "bigint", "bigint", "float8", "float8", "text"];
    const csv = (chunk: unknown[][]) => chunk.map((r) => r.map((v) => (v === null ? "\\N" : String(v).replace(/[\\\t\n]/g, (c) => (c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\\\")))).join("\t")).join("\n") + "\n";
    const timed = async (label: string, table: string, body: (chunk: unknown[][]) => Promise<void>) => {
      await raw.query(`CREATE TABLE ${table} (LIKE event INCLUDING ALL)`);
      const t = performance.now();
      for (let i = 0; i < rows.length; i += RAW_CHUNK) {
        await raw.query("BEGIN");
        await body(rows.slice(i, i + RAW_CHUNK));
        await raw.query("COMMIT");
      }
      return [label, rate(rows.length, performance.now() - t)] as const;
    };
    const copyInto = async (table: string, chunk: unknown[][]) => {
      await pipeline(Readable.from([csv(chunk)]), raw.query(copyFrom(`COPY ${table} (${cols}) FROM STDIN`)));
    };
    const raws = [
      await timed("INSERT … unnest … ON CONFLICT DO NOTHING RETURNING id", "raw_unnest", async (chunk) => {
        await raw.query(
          `INSERT INTO raw_unnest (${cols}) SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(", ")}) ON CONFLICT DO NOTHING RETURNING id`,
          types.map((_, c) => chunk.map((r) => r[c])),
        );
      }),
      await timed("COPY to staging + INSERT … SELECT ON CONFLICT DO NOTHING RETURNING id", "raw_staged", async (chunk) => {
        await raw.query("CREATE TEMP TABLE staging (LIKE event) ON COMMIT DROP");
        await copyInto("staging", chunk);
        await raw.query(`INSERT INTO raw_staged SELECT * FROM staging ON CONFLICT DO NOTHING RETURNING id`);
      }),
      await timed("COPY straight into the table (no conflict handling)", "raw_copy", (chunk) => copyInto("raw_copy", chunk)),
    ];
    results.rawInsertRowsPerSec = Object.fromEntries(raws);
    await raw.end();
  } finally {
    await admin.end();
    cluster.stop();
  }
  results.loadAvgEnd = os.loadavg()[0];
  console.log(JSON.stringify(results, null, 2));
  fs.mkdirSync(path.join(__dirname, "results"), { recursive: true });
  fs.writeFileSync(path.join(__dirname, "results", SHAPE === "real" ? "pg-ingest-real.json" : "pg-ingest.json"), JSON.stringify(results, null, 2));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
