/**
 * `npm run bench [-- --quick] [--only floor,http,breakdown,reads,mixed] [...]` (bench/options.ts).
 * Measures Sightline against its storage floor on this machine, prints a table and writes JSON
 * to bench/results/. Every phase is bounded in time or count; the server runs on 127.0.0.1 only.
 * Method and results: docs/benchmarks.md.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Sqlite from "better-sqlite3";
import { runBreakdown, type BreakdownResult } from "./breakdown";
import { runFloor, type FloorResult } from "./floor";
import { runHttpIngest, type HttpIngestResult } from "./http-ingest";
import { runMixed, type MixedResult } from "./mixed";
import { runOtlpHttp, type OtlpHttpResult } from "./otlp-http";
import { benchOptions, type BenchOptions } from "./options";
import { loadAverage } from "./process-stats";
import { measureReads, seededDb, type EndpointResult, type SeededDb } from "./reads";
import { evaluateTargets, formatReport, type Target } from "./report";
import { startServer } from "./server";
import { round } from "./stats";

export interface BenchResults {
  label: string;
  startedAt: string;
  machine: { cpu: string; cpus: number; memGb: number; node: string; sqlite: string; loadAvgStart: number; loadAvgEnd: number };
  options: Omit<BenchOptions, "sections"> & { sections: string[] };
  floor?: FloorResult;
  http?: HttpIngestResult[];
  breakdown?: BreakdownResult;
  otlp?: OtlpHttpResult;
  reads?: { seed: Omit<SeededDb, "key">; idleRssMb: number; afterReadsRssMb: number; endpoints: EndpointResult[] }[];
  mixed?: MixedResult;
  targets: Target[];
}

const log = (msg: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}`);

async function main() {
  const o = benchOptions();
  fs.mkdirSync(o.workDir, { recursive: true });
  const r: BenchResults = {
    label: o.label, startedAt: new Date().toISOString(),
    machine: {
      cpu: os.cpus()[0]?.model ?? "unknown", cpus: os.cpus().length, memGb: round(os.totalmem() / 2 ** 30, 1), node: process.version,
      sqlite: (new Sqlite(":memory:").prepare("select sqlite_version() v").get() as { v: string }).v,
      loadAvgStart: loadAverage(), loadAvgEnd: 0,
    },
    options: { ...o, sections: [...o.sections] },
    targets: [],
  };
  if (o.sections.has("floor")) {
    log(`floor and production path, ${o.floorRows} rows`);
    r.floor = await runFloor(o.workDir, o.floorRows);
  }
  if (o.sections.has("http")) {
    r.http = [];
    for (const batchSize of o.batchSizes) {
      log(`HTTP ingest, ${batchSize}-event batches, ${o.clients} clients, ${o.httpSeconds} s`);
      r.http.push(await runHttpIngest({ workDir: o.workDir, port: o.port, batchSize, clients: o.clients, seconds: o.httpSeconds, spreadMs: o.spreadMs }));
    }
  }
  if (o.sections.has("otlp")) {
    log(`OTLP vs native over HTTP, 512-span protobuf batches, ${o.clients} clients, ${o.httpSeconds} s each`);
    r.otlp = await runOtlpHttp({ workDir: o.workDir, port: o.port, spans: 512, clients: o.clients, seconds: o.httpSeconds, spreadMs: o.spreadMs });
  }
  if (o.sections.has("breakdown")) {
    log("per-event breakdown (in-process profile, 500-event batches)");
    r.breakdown = await runBreakdown(o.workDir, 500, 200, o.spreadMs);
  }
  if (o.sections.has("reads") || o.sections.has("mixed")) {
    r.reads = [];
    for (const [i, size] of o.readSizes.entries()) {
      const last = i === o.readSizes.length - 1;
      log(`${o.reuse ? "seeding (or reusing)" : "seeding"} ${size} events over ${o.days} days`);
      const seed = await seededDb(o.workDir, size, o.days, o.reuse);
      log(`seeded in ${(seed.seedMs / 1000).toFixed(1)} s, ${seed.bytesPerEvent} B/event${seed.reused ? " (reused)" : ""}`);
      const server = await startServer({ dbFile: seed.file, port: o.port });
      try {
        const idleRssMb = round(server.rss() / 2 ** 20);
        let endpoints: EndpointResult[] = [];
        if (o.sections.has("reads")) {
          log(`dashboard reads @ ${size}`);
          endpoints = await measureReads(server.url, seed.key, seed.now, o.readRequests);
        }
        const { key, ...seedInfo } = seed;
        r.reads.push({ seed: seedInfo, idleRssMb, afterReadsRssMb: round(server.rss() / 2 ** 20), endpoints });
        if (last && o.sections.has("mixed")) {
          const max = r.http?.find((h) => h.batchSize === 500)?.eventsPerSec;
          const rate = o.mixedRate ?? (max ? max / 2 : 5000);
          log(`mixed load @ ${size}: ingest ${Math.round(rate)} events/s + ${o.readRate || "closed-loop"} reads/s, ${o.mixedSeconds} s`);
          r.mixed = await runMixed({ server, key, now: seed.now, rate, readRate: o.readRate, seconds: o.mixedSeconds, spreadMs: o.spreadMs });
        }
      } finally {
        await server.stop();
      }
    }
    if (!o.sections.has("reads")) r.reads = r.reads.filter((x) => x.endpoints.length);
  }
  r.machine.loadAvgEnd = loadAverage();
  r.targets = evaluateTargets(r);
  console.log(formatReport(r));
  const dir = path.join(process.cwd(), "bench", "results");
  fs.mkdirSync(dir, { recursive: true });
  const out = path.join(dir, `${r.startedAt.replace(/[:.]/g, "-")}-${o.label}.json`);
  fs.writeFileSync(out, JSON.stringify(r, null, 2) + "\n");
  log(`wrote ${path.relative(process.cwd(), out)}`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
