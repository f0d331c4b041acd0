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
import { RealTrafficBodies } from "./real-traffic";
import type { SeedTemplate } from "./bench-db";
import { round } from "./stats";

export interface BenchResults {
  label: string;
  startedAt: string;
  machine: { cpu: string; cpus: number; memGb: number; node: string; sqlite: string; loadAvgStart: number; loadAvgEnd: number };
  options: Omit<BenchOptions, "sections"> & { sections: string[] };
  /** Real-traffic shape (the headline) … */
  floor?: FloorResult;
  /** … and the old load-scenario shape, for comparison with earlier runs. */
  floorOld?: FloorResult;
  /** Per batch size: the real-traffic row, then the old-shape row. */
  http?: HttpIngestResult[];
  /** Per-event breakdown: the old shape on an empty database (`breakdown`), then the real shape per `prestored` size. */
  breakdown?: BreakdownResult;
  breakdownReal?: BreakdownResult[];
  otlp?: OtlpHttpResult;
  otlpOld?: OtlpHttpResult;
  /** Real-shape OTLP runs with events already stored (one per `prestored` size above 0). */
  otlpStored?: OtlpHttpResult[];
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
    log(`floor and production path, ${o.floorRows} rows of the real-traffic shape`);
    r.floor = await runFloor(o.workDir, o.floorRows, "real");
    log(`floor and production path, ${o.floorRows} rows of the old shape`);
    r.floorOld = await runFloor(o.workDir, o.floorRows, "old");
  }
  const templates = new Map<number, SeedTemplate>();
  const template = async (size: number) => {
    if (size === 0) return undefined;
    if (!templates.has(size)) {
      log(`${o.reuse ? "seeding (or reusing)" : "seeding"} ${size} real-traffic events over ${o.days} days to store before the runs`);
      const seed = await seededDb(o.workDir, size, o.days, o.reuse, "real");
      log(`seeded in ${(seed.seedMs / 1000).toFixed(1)} s, ${seed.bytesPerEvent} B/event${seed.reused ? " (reused)" : ""}`);
      templates.set(size, { file: seed.file, events: size });
    }
    return templates.get(size);
  };
  if (o.sections.has("http")) {
    r.http = [];
    for (const size of o.prestored) {
      const stored = await template(size);
      for (const batchSize of o.batchSizes) {
        const common = { workDir: o.workDir, port: o.port, batchSize, clients: o.clients, seconds: o.httpSeconds, spreadMs: o.spreadMs };
        log(`HTTP ingest, real traffic, ${size} stored, ${batchSize}-event batches, ${o.clients} clients, ${o.httpSeconds} s`);
        r.http.push(await runHttpIngest({ ...common, name: `${batchSize}-real`, shape: "real", bodies: new RealTrafficBodies(batchSize, o.spreadMs), template: stored }));
        if (size > 0) continue;
        log(`HTTP ingest, old shape, ${batchSize}-event batches, ${o.clients} clients, ${o.httpSeconds} s`);
        r.http.push(await runHttpIngest({ ...common, name: `${batchSize}-old`, shape: "old" }));
      }
    }
  }
  if (o.sections.has("otlp")) {
    const common = { workDir: o.workDir, port: o.port, spans: 512, clients: o.clients, seconds: o.httpSeconds, spreadMs: o.spreadMs };
    r.otlpStored = [];
    for (const size of o.prestored) {
      const stored = await template(size);
      log(`OTLP vs native over HTTP, random trace ids, ${size} stored, 512-span protobuf batches, ${o.clients} clients, ${o.httpSeconds} s each`);
      const res = await runOtlpHttp({ ...common, shape: "real", template: stored });
      if (size === 0) r.otlp = res;
      else r.otlpStored.push(res);
    }
    log(`OTLP vs native over HTTP, old (nearly sequential) trace ids, ${o.httpSeconds} s each`);
    r.otlpOld = await runOtlpHttp({ ...common, shape: "old" });
  }
  if (o.sections.has("breakdown")) {
    log("per-event breakdown (in-process profile, 500-event batches), old shape");
    r.breakdown = await runBreakdown(o.workDir, 500, 200, o.spreadMs);
    r.breakdownReal = [];
    for (const size of o.prestored) {
      log(`per-event breakdown, real traffic, ${size} stored`);
      r.breakdownReal.push(await runBreakdown(o.workDir, 500, 200, o.spreadMs, { shape: "real", template: await template(size) }));
    }
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
          // The mixed run posts the old shape (bench/mixed.ts): half of that shape's maximum.
          const max = r.http?.find((h) => h.batchSize === 500 && h.shape === "old")?.eventsPerSec;
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
