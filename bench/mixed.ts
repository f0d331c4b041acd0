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
  reads: number;
  readErrors: number;
  readLatencyMs: LatencySummary;
  serverPeakRssMb: number;
  loadAvg: number;
}

/**
 * Ingest at a fixed rate (500-event batches) while `readers` clients cycle through the
 * dashboard endpoints, for `seconds`.
 */
export async function runMixed(opts: {
  server: BenchServer;
  key: string;
  now: number;
  rate: number;
  seconds: number;
  spreadMs: number;
  readers?: number;
}): Promise<MixedResult> {
  const { server } = opts;
  const sampler = server.sampler();
  const ingestAgent = keepAliveAgent(64);
  const readAgent = keepAliveAgent(opts.readers ?? 2);
  const bodies = new IngestBodies(500, Math.random().toString(36).slice(2, 5), opts.spreadMs);
  const endpoints = dashboardEndpoints(opts.now);
  const end = performance.now() + opts.seconds * 1000;
  const readLat: number[] = [];
  let readErrors = 0;
  const readers = Array.from({ length: opts.readers ?? 2 }, async (_, r) => {
    for (let i = r; performance.now() < end; i++) {
      const e = endpoints[i % endpoints.length];
      const res = await request(readAgent, server.url + e.path, { headers: { authorization: `Bearer ${opts.key}` } });
      if (res.status !== 200) readErrors++;
      readLat.push(res.ms);
    }
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
    reads: readLat.length, readErrors, readLatencyMs: summarise(readLat), serverPeakRssMb: round(sampler.stop() / 2 ** 20),
    loadAvg: Math.max(load0, loadAverage()),
  };
}
