import path from "node:path";
import Sqlite from "better-sqlite3";
import { prepareRunDb, removeDb, type SeedTemplate } from "./bench-db";
import { keepAliveAgent } from "./http-client";
import { closedLoop, IngestBodies, type BodySource } from "./ingest-load";
import { loadAverage, threadCpuSeconds, threadSplit } from "./process-stats";
import { startServer } from "./server";
import { round, summarise, type LatencySummary } from "./stats";

export interface HttpIngestResult {
  /** What the bodies look like (bench/real-traffic.ts); "otlp"/"native" rows carry their path's name. */
  shape: string;
  batchSize: number;
  clients: number;
  seconds: number;
  bytesPerEvent: number;
  eventsPerSec: number;
  requests: number;
  failed: number;
  latencyMs: LatencySummary;
  serverPeakRssMb: number;
  serverIdleRssMb: number;
  /** Server CPU (user + system, all threads) per accepted event. */
  serverCpuUsPerEvent: number;
  /** The same split by thread: request thread, ingest writer thread, all others (µs/event). */
  threads: { requestThreadUs: number; writerThreadUs: number; otherThreadsUs: number; writerBusy: number };
  /** Real-traffic events already in the database when the run started (bench/options.ts `prestored`). */
  prestored: number;
  /** Events the run added to the database: every acknowledged event, none lost. */
  storedEvents: number;
  /** Events the answered-200 requests carried (warm-up included). */
  acknowledgedEvents: number;
  loadAvg: number;
}

/**
 * The production server on a fresh database, `clients` closed-loop clients posting batches of
 * `batchSize` for `seconds` after a short warm-up (JIT, caches, the first model/prompt rows).
 */
export async function runHttpIngest(opts: {
  workDir: string;
  port: number;
  batchSize: number;
  clients: number;
  seconds: number;
  spreadMs: number;
  env?: Record<string, string>;
  nodeArgs?: string[];
  /** Other bodies than the load scenario's native batches (the OTLP comparison). */
  bodies?: BodySource;
  name?: string;
  shape?: string;
  /** A seeded database (bench/reads.ts `seededDb`) to copy and post into instead of an empty one. */
  template?: SeedTemplate;
}): Promise<HttpIngestResult> {
  const file = path.join(opts.workDir, `http-${opts.name ?? opts.batchSize}.db`);
  const prestored = opts.template?.events ?? 0;
  const { key } = await prepareRunDb(file, opts.template);
  const server = await startServer({ dbFile: file, port: opts.port, env: opts.env, nodeArgs: opts.nodeArgs });
  try {
    const agent = keepAliveAgent(opts.clients);
    const bodies = opts.bodies ?? new IngestBodies(opts.batchSize, Math.random().toString(36).slice(2, 5), opts.spreadMs);
    const target = { agent, url: server.url, key, bodies };
    const idle = server.rss();
    const warm = await closedLoop(target, opts.clients, Math.min(3, opts.seconds / 3));
    const sampler = server.sampler();
    const cpu0 = server.cpuSeconds();
    const threads0 = threadCpuSeconds(server.pid);
    const load0 = loadAverage();
    const run = await closedLoop(target, opts.clients, opts.seconds);
    const cpu = server.cpuSeconds() - cpu0;
    const split = threadSplit(threads0, threadCpuSeconds(server.pid), run.events);
    const peak = sampler.stop();
    agent.destroy();
    await server.stop();
    const check = new Sqlite(file, { readonly: true });
    const { n } = check.prepare("SELECT count(*) AS n FROM event").get() as { n: number };
    const storedEvents = n - prestored;
    check.close();
    return {
      shape: opts.shape ?? "old", batchSize: opts.batchSize, clients: opts.clients, seconds: round(run.seconds, 1), bytesPerEvent: bodies.bytesPerEvent,
      eventsPerSec: round(run.events / run.seconds), requests: run.requests, failed: run.failed,
      latencyMs: summarise(run.latencies), serverPeakRssMb: round(peak / 2 ** 20), serverIdleRssMb: round(idle / 2 ** 20),
      serverCpuUsPerEvent: round((cpu / Math.max(1, run.events)) * 1e6, 1), loadAvg: Math.max(load0, loadAverage()),
      prestored, storedEvents, acknowledgedEvents: warm.events + run.events,
      // Share of the run's wall time the writer thread was on a CPU (the rest: fsync and idle).
      threads: { ...split, writerBusy: round((split.writerThreadUs * run.events) / 1e6 / run.seconds, 2) },
    };
  } finally {
    await server.stop();
    if (opts.template) removeDb(file);
  }
}
