import { keepAliveAgent, request } from "./http-client";
import { IngestBodies, openLoop } from "./ingest-load";
import { loadAverage } from "./process-stats";
import { dashboardEndpoints } from "./reads";
import type { BenchServer } from "./server";
import { round, summarise, type LatencySummary } from "./stats";

export interface MixedResult {
  ingestTargetEventsPerSec: number;
  ingestEventsPerSec: number;
  ingestRequests: number;
  ingestFailed: number;
  ingestLatencyMs: LatencySummary;
  /** Dashboard requests per second (0: two closed-loop readers). */
  readRate: number;
  reads: number;
  readErrors: number;
  readLatencyMs: LatencySummary;
  serverPeakRssMb: number;
  loadAvg: number;
}

/**
 * Ingest at a fixed rate (500-event batches) while dashboard requests arrive at `readRate`
 * per second (cycling through the endpoints), for `seconds`. Both are open-loop, as exporters
 * and dashboards behave: closed-loop readers would take whatever capacity ingest leaves, so
 * with ingest at half its maximum they saturate a one-thread server by construction.
 * `readRate` 0 switches to that saturating mode (two closed-loop readers) for comparison.
 */
export async function runMixed(opts: {
  server: BenchServer;
  key: string;
  now: number;
  rate: number;
  readRate: number;
  seconds: number;
  spreadMs: number;
}): Promise<MixedResult> {
  const { server } = opts;
  const sampler = server.sampler();
  const ingestAgent = keepAliveAgent(64);
  const readAgent = keepAliveAgent(16);
  const bodies = new IngestBodies(500, Math.random().toString(36).slice(2, 5), opts.spreadMs);
  const endpoints = dashboardEndpoints(opts.now);
  const started = performance.now();
  const end = started + opts.seconds * 1000;
  const readLat: number[] = [];
  let readErrors = 0;
  const read = async (i: number) => {
    const e = endpoints[i % endpoints.length];
    const res = await request(readAgent, server.url + e.path, { headers: { authorization: `Bearer ${opts.key}` } });
    if (res.status !== 200) readErrors++;
    readLat.push(res.ms);
  };
  const readers =
    opts.readRate > 0
      ? [(async () => {
          const pending: Promise<void>[] = [];
          for (let i = 0; ; i++) {
            const due = started + (i * 1000) / opts.readRate;
            if (due > end) break;
            const wait = due - performance.now();
            if (wait > 0) await new Promise((r) => setTimeout(r, wait));
            pending.push(read(i));
          }
          await Promise.all(pending);
        })()]
      : Array.from({ length: 2 }, async (_, r) => {
          for (let i = r; performance.now() < end; i += 2) await read(i);
        });
  const load0 = loadAverage();
  const [ingest] = await Promise.all([
    openLoop({ agent: ingestAgent, url: server.url, key: opts.key, bodies }, opts.rate, opts.seconds),
    ...readers,
  ]);
  ingestAgent.destroy();
  readAgent.destroy();
  return {
    ingestTargetEventsPerSec: round(opts.rate), ingestEventsPerSec: round(ingest.events / ingest.seconds),
    ingestRequests: ingest.requests, ingestFailed: ingest.failed, ingestLatencyMs: summarise(ingest.latencies),
    readRate: opts.readRate, reads: readLat.length, readErrors, readLatencyMs: summarise(readLat),
    serverPeakRssMb: round(sampler.stop() / 2 ** 20), loadAvg: Math.max(load0, loadAverage()),
  };
}
