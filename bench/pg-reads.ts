/**
 * `npm run bench:pg-reads [-- options]`: dashboard reads and mixed load on SQLite and
 * PostgreSQL over the same data (docs/benchmarks.md, "SQLite and PostgreSQL").
 *
 * 1. Seeds `--events` (default 10,000,000) over `--days` into a SQLite file through the real
 *    store (`seed --scenario load`; reused with `--reuse`), then bulk-loads it into a durable
 *    throw-away PostgreSQL 15 cluster with COPY (bench/pg-copy-seed.ts), day partitions first.
 * 2. Service reads in-process on each backend (fleet overview, metrics by model, a p95 series,
 *    the first events page): p50/p95 of `--runs` runs.
 * 3. With a production build (`npm run build`): the dashboard's HTTP requests (bench/reads.ts)
 *    against `next start` on each backend, `--requests` each, and a mixed run (`--mixed-seconds`,
 *    0 to skip): ingest at `--mixed-rate` events/s while `--read-rate` dashboard requests/s arrive.
 * Writes bench/results/pg-reads-<label>.json. Smoke run: `--events 20000 --runs 3 --requests 3 --mixed-seconds 3`.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { openDb, type Db } from "@/db/client";
import { sqliteOf } from "@/db/driver";
import { getFleetOverview } from "@/lib/overview/get-fleet-overview";
import { getMetrics } from "@/lib/metrics/get-metrics";
import { getTimeseries, timeseriesQuerySchema } from "@/lib/metrics/get-timeseries";
import { listEvents, listEventsQuerySchema } from "@/lib/events/list-events";
import { ensureProject } from "@/lib/projects/create-project";
import { systemContext } from "@/lib/services/context";
import { startPgCluster } from "@/tests/helpers/pg-cluster";
import { runMixed, type MixedResult } from "./mixed";
import { copySeedIntoPg } from "./pg-copy-seed";
import { loadAverage } from "./process-stats";
import { measureReads, seededDb, type EndpointResult } from "./reads";
import { startServer } from "./server";
import { round } from "./stats";

const { values: v } = parseArgs({
  options: {
    events: { type: "string" }, days: { type: "string" }, runs: { type: "string" }, requests: { type: "string" },
    "mixed-seconds": { type: "string" }, "mixed-rate": { type: "string" }, "read-rate": { type: "string" },
    reuse: { type: "boolean" }, "work-dir": { type: "string" }, port: { type: "string" }, label: { type: "string" },
  },
});
const num = (flag: string | undefined, env: string, fallback: number) => Number((flag ?? process.env[env] ?? String(fallback)).replace(/_/g, ""));
const O = {
  events: num(v.events, "BENCH_READ_EVENTS", 10_000_000),
  days: num(v.days, "BENCH_READ_DAYS", 7),
  runs: num(v.runs, "BENCH_READ_RUNS", 30),
  requests: num(v.requests, "BENCH_REQUESTS", 100),
  mixedSeconds: num(v["mixed-seconds"], "BENCH_MIXED_SECONDS", 30),
  mixedRate: num(v["mixed-rate"], "BENCH_MIXED_RATE", 2000),
  readRate: num(v["read-rate"], "BENCH_READ_RATE", 20),
  reuse: v.reuse ?? process.env.BENCH_REUSE === "1",
  workDir: path.resolve(v["work-dir"] ?? process.env.BENCH_WORK_DIR ?? "data/bench"),
  port: num(v.port, "BENCH_PORT", 3918),
  label: v.label ?? process.env.BENCH_LABEL ?? "run",
};
const log = (s: string) => console.error(`[bench:pg-reads] ${s}`);
const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

interface BackendResult {
  serviceMs: Record<string, { p50: number; p95: number }>;
  http?: EndpointResult[];
  /** Slowest endpoint's p95 over HTTP: the dashboard p95 the target is about (≤ 100 ms at 10M on PostgreSQL). */
  dashboardP95Ms?: number;
  mixed?: MixedResult;
}

async function serviceReads(db: Db, projectId: number, now: number): Promise<BackendResult["serviceMs"]> {
  const ctx = systemContext(db, projectId, "bench", () => now);
  const from = now - 86_400_000;
  const reads: Record<string, () => Promise<unknown>> = {
    "overview 24h": () => getFleetOverview(ctx, { from, to: now }),
    "metrics by model 24h": () => getMetrics(ctx, { groupBy: "model", from, to: now } as never),
    "timeseries p95 24h @1m": () => getTimeseries(ctx, timeseriesQuerySchema.parse({ metric: "latency_p95", interval: "1m", from: String(from), to: String(now) })),
    "events first page": () => listEvents(ctx, listEventsQuerySchema.parse({ limit: 50, to: String(now) })),
  };
  const out: BackendResult["serviceMs"] = {};
  for (const [name, read] of Object.entries(reads)) {
    await read(); // warm
    const times: number[] = [];
    for (let i = 0; i < O.runs; i++) {
      const t = performance.now();
      await read();
      times.push(performance.now() - t);
    }
    out[name] = { p50: round(pct(times, 0.5), 1), p95: round(pct(times, 0.95), 1) };
  }
  return out;
}

/** Dashboard requests and the mixed run against `next start` on `databaseUrl`, when a build exists. */
async function overHttp(r: BackendResult, databaseUrl: string, key: string, now: number): Promise<void> {
  if (!fs.existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
    log("no production build (`npm run build`): HTTP reads and the mixed run are skipped");
    return;
  }
  const server = await startServer({ dbFile: "", port: O.port, env: { DATABASE_URL: databaseUrl } });
  try {
    log(`  dashboard requests (${O.requests} each)`);
    r.http = await measureReads(server.url, key, now, O.requests);
    r.dashboardP95Ms = Math.max(...r.http.map((e) => e.latencyMs.p95 ?? 0));
    if (O.mixedSeconds > 0) {
      log(`  mixed: ingest ${O.mixedRate} events/s + ${O.readRate} reads/s for ${O.mixedSeconds} s`);
      r.mixed = await runMixed({ server, key, now, rate: O.mixedRate, readRate: O.readRate, seconds: O.mixedSeconds, spreadMs: 5000 });
    }
  } finally {
    await server.stop();
  }
}

async function main() {
  const loadAvgStart = loadAverage();
  log(`${O.reuse ? "seeding (or reusing)" : "seeding"} ${O.events} events over ${O.days} days into SQLite`);
  const seed = await seededDb(O.workDir, O.events, O.days, O.reuse);
  log(`seeded in ${(seed.seedMs / 1000).toFixed(1)} s`);

  // Both backends hold the same rows for every read: the PostgreSQL copy is taken before any
  // mixed run adds events (the SQLite mixed run writes into the seed file: re-seed, or accept
  // `mixed-rate × mixed-seconds` more events, when reusing it).
  const sqlite = openDb(`file:${seed.file}`);
  const { id: projectId } = await ensureProject(sqlite, "load");
  log("SQLite: service reads");
  const sqliteResult: BackendResult = { serviceMs: await serviceReads(sqlite, projectId, seed.now) };
  const cluster = await startPgCluster({ durable: true });
  let postgresResult: BackendResult;
  let copy: Awaited<ReturnType<typeof copySeedIntoPg>>;
  try {
    const admin = new pg.Client({ connectionString: cluster.url("postgres") });
    await admin.connect();
    await admin.query("CREATE DATABASE reads");
    await admin.end();
    const url = cluster.url("reads");
    const db = openDb(url, { poolSize: 4 });
    log("PostgreSQL: COPY from the SQLite seed");
    copy = await copySeedIntoPg(sqliteOf(sqlite), db, url, { from: seed.now - O.days * 86_400_000, to: seed.now }, log);
    log(`copied in ${(copy.ms / 1000).toFixed(1)} s`);
    await sqlite.close();
    log("PostgreSQL: service reads");
    postgresResult = { serviceMs: await serviceReads(db, projectId, seed.now) };
    await db.close();
    log("SQLite over HTTP");
    await overHttp(sqliteResult, `file:${seed.file}`, seed.key, seed.now);
    log("PostgreSQL over HTTP");
    await overHttp(postgresResult, url, seed.key, seed.now);
  } finally {
    cluster.stop();
  }
  const results = {
    options: O, cpus: os.cpus().length, loadAvgStart, loadAvgEnd: loadAverage(), seedMs: seed.seedMs, copyMs: copy.ms,
    copiedRows: copy.rows, eventsInDefaultPartition: copy.eventsInDefaultPartition, sqlite: sqliteResult, postgres: postgresResult,
  };
  console.log(JSON.stringify(results, null, 2));
  const dir = path.join(process.cwd(), "bench", "results");
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `pg-reads-${O.label}.json`), JSON.stringify(results, null, 2) + "\n");
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
