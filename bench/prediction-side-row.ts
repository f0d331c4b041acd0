/**
 * What the `prediction` side row (ADR 0034) costs on the real storage path: `storeEvents` (the
 * writer thread's function) on the load scenario's mix and on predictions with 20 features,
 * once as shipped and once with the side-row insert replaced by a no-op, alternating runs.
 *
 *   npx tsx bench/prediction-side-row.ts [--events 100000] [--runs 3]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDb } from "@/db/client";
import { ingestStatements } from "@/db/statements/ingest";
import type { IngestEvent } from "@/lib/ingest/event-schema";
import { storeEvents } from "@/lib/ingest/store-events";
import { ensureProject } from "@/lib/projects/create-project";
import { loadEvent } from "@/lib/seed/load-events";
import { rng } from "@/lib/seed/random";
import { dbBytes, removeDb } from "./bench-db";

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ""), process.argv[i + 1]);
const EVENTS = Number(args.get("events") ?? 100_000);
const RUNS = Number(args.get("runs") ?? 3);
const BATCH = 500;

function mix(kind: "load-mix" | "features-20", offset: number): IngestEvent[] {
  const r = rng(7);
  const t0 = Date.now() - 3_600_000;
  return Array.from({ length: EVENTS }, (_, i) => {
    const id = `${kind}-${offset}-${i}`;
    const ts = t0 + Math.floor((i / EVENTS) * 3_600_000);
    if (kind === "load-mix") return loadEvent(r, id, ts);
    const features: Record<string, number | string> = {};
    for (let k = 0; k < 15; k++) features[`num_${k}`] = Math.round(r.next() * 100_000) / 1000;
    for (let k = 0; k < 5; k++) features[`cat_${k}`] = ["web", "ios", "android", "partner", "store"][r.int(0, 4)];
    return { id, timestamp: ts, environment: "production", type: "prediction", model: "fraud-xgb", modelVersion: "1.4.0", prediction: r.chance(0.1) ? 1 : 0, score: r.next(), status: "ok", features };
  });
}

async function run(kind: "load-mix" | "features-20", withSideRow: boolean, round: number) {
  const file = path.join(os.tmpdir(), `side-row-${process.pid}.db`);
  removeDb(file);
  const db = openDb(`file:${file}`, { synchronous: "NORMAL" });
  const { id: projectId } = await ensureProject(db, "bench");
  const stmts = ingestStatements(db);
  if (!withSideRow) (stmts as unknown as { insertPrediction: { run: () => void } }).insertPrediction = { run: () => undefined };
  const events = mix(kind, round);
  const t = performance.now();
  for (let i = 0; i < events.length; i += BATCH) storeEvents(db, projectId, events.slice(i, i + BATCH).map((event) => ({ event })));
  const ms = performance.now() - t;
  db.close();
  const bytes = dbBytes(file);
  removeDb(file);
  return { usPerEvent: (ms * 1000) / EVENTS, bytesPerEvent: bytes / EVENTS };
}

async function main() {
  const result: Record<string, unknown> = { events: EVENTS, runs: RUNS, loadAvg: os.loadavg()[0] };
  for (const kind of ["load-mix", "features-20"] as const) {
    const on: number[] = [];
    const off: number[] = [];
    let bytesOn = 0;
    let bytesOff = 0;
    for (let round = 0; round < RUNS; round++) {
      const a = await run(kind, false, round);
      const b = await run(kind, true, round);
      off.push(a.usPerEvent);
      on.push(b.usPerEvent);
      bytesOff = a.bytesPerEvent;
      bytesOn = b.bytesPerEvent;
    }
    const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    result[kind] = {
      usPerEventWithout: off.map((x) => +x.toFixed(2)),
      usPerEventWith: on.map((x) => +x.toFixed(2)),
      medianDeltaUs: +(med(on) - med(off)).toFixed(2),
      bytesPerEventWithout: Math.round(bytesOff),
      bytesPerEventWith: Math.round(bytesOn),
    };
    console.log(kind, result[kind]);
  }
  const out = path.join("bench", "results", `${new Date().toISOString().replace(/[:.]/g, "-")}-prediction-side-row.json`);
  fs.writeFileSync(out, JSON.stringify(result, null, 2));
  console.log(`wrote ${out}`);
}

void main();
