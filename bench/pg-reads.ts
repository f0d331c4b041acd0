/**
 * `npm run bench:pg-reads`: dashboard reads on SQLite and PostgreSQL over the same generated
 * data (seed --scenario load, BENCH_READ_EVENTS events over 7 days), through the services the
 * routes call: fleet overview (24 h), metrics by model (24 h), a 24 h series at 1 min, the
 * first events page. p50/p95 of BENCH_READ_RUNS runs each. A durable throw-away PostgreSQL
 * cluster is started and removed. Writes bench/results/pg-reads.json. Numbers are this
 * machine's under its load (printed), not the 10M-event target's proof.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openDb, type Db } from "@/db/client";
import { getFleetOverview } from "@/lib/overview/get-fleet-overview";
import { getMetrics } from "@/lib/metrics/get-metrics";
import { getTimeseries, timeseriesQuerySchema } from "@/lib/metrics/get-timeseries";
import { listEvents, listEventsQuerySchema } from "@/lib/events/list-events";
import { seedLoad } from "@/lib/seed/seed-load";
import { systemContext } from "@/lib/services/context";
import { startPgCluster } from "@/tests/helpers/pg-cluster";

const EVENTS = Number(process.env.BENCH_READ_EVENTS ?? 200_000);
const RUNS = Number(process.env.BENCH_READ_RUNS ?? 30);

const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

async function measure(db: Db, now: number): Promise<Record<string, { p50: number; p95: number }>> {
  const { projectId } = await seedLoad(db, { events: EVENTS, days: 7, now });
  const ctx = systemContext(db, projectId, "bench", () => now);
  const from = now - 86_400_000;
  const reads: Record<string, () => Promise<unknown>> = {
    "overview 24h": () => getFleetOverview(ctx, { from, to: now }),
    "metrics by model 24h": () => getMetrics(ctx, { groupBy: "model", from, to: now } as never),
    "timeseries p95 24h @1m": () => getTimeseries(ctx, timeseriesQuerySchema.parse({ metric: "latency_p95", interval: "1m", from: String(from), to: String(now) })),
    "events first page": () => listEvents(ctx, listEventsQuerySchema.parse({ limit: 50 })),
  };
  const out: Record<string, { p50: number; p95: number }> = {};
  for (const [name, read] of Object.entries(reads)) {
    await read(); // warm
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await read();
      times.push(performance.now() - t);
    }
    out[name] = { p50: Math.round(pct(times, 0.5) * 10) / 10, p95: Math.round(pct(times, 0.95) * 10) / 10 };
  }
  return out;
}

async function main() {
  const loadAvgStart = os.loadavg()[0];
  const now = Date.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sightline-bench-reads-"));
  const sqlite = openDb(`file:${path.join(dir, "reads.db")}`);
  const sqliteMs = await measure(sqlite, now);
  await sqlite.close();
  const cluster = await startPgCluster({ durable: true });
  let postgresMs;
  try {
    const admin = new pg.Client({ connectionString: cluster.url("postgres") });
    await admin.connect();
    await admin.query("CREATE DATABASE reads");
    await admin.end();
    const db = openDb(cluster.url("reads"), { poolSize: 4 });
    postgresMs = await measure(db, now);
    await db.close();
  } finally {
    cluster.stop();
  }
  const results = { events: EVENTS, runs: RUNS, cpus: os.cpus().length, loadAvgStart, loadAvgEnd: os.loadavg()[0], sqliteMs, postgresMs };
  console.log(JSON.stringify(results, null, 2));
  fs.mkdirSync(path.join(__dirname, "results"), { recursive: true });
  fs.writeFileSync(path.join(__dirname, "results", "pg-reads.json"), JSON.stringify(results, null, 2));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
