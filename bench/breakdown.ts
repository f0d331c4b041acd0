import fs from "node:fs";
import path from "node:path";
import { Session } from "node:inspector/promises";
import { openDb, type Db } from "@/db/client";
import { readBody } from "@/lib/api/read-body";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { MAX_BODY_BYTES } from "@/lib/ingest/event-schema";
import { parseBatch } from "@/lib/ingest/parse-batch";
import { prepareRunDb, removeDb, type SeedTemplate } from "./bench-db";
import { IngestBodies, type BodySource } from "./ingest-load";
import { RealTrafficBodies } from "./real-traffic";
import { round } from "./stats";

/**
 * Where an ingested event's time goes inside the handler, from a CPU profile of the exact
 * functions the route calls (body read → JSON parse → validation → row build → insert →
 * rollups → commit → response JSON), run in-process on the server's settings (synchronous
 * FULL). Each profile sample is charged to the innermost frame that belongs to a stage.
 * What the server spends beyond this (HTTP parsing, Next's routing and Request/Response
 * adaptation, sockets) is the framework overhead: server CPU per event minus this total.
 */
type Rule = [stage: string, match: (fn: string, url: string) => boolean];
const HARNESS = "(benchmark client)";
const RULES: Rule[] = [
  ["rollups", (_f, u) => /rollup-accumulator|latency-sketch|sketches-js/.test(u)],
  ["validation", (f, u) => /node_modules\/zod|event-schema|validate-event/.test(u) || f === "checkType"],
  ["pricing", (_f, u) => /lib\/pricing\//.test(u)],
  ["row build", (_f, u) => /to-row|dimensions/.test(u)],
  ["insert", (f, u) => f === "insertEvent" || /statements\/ingest/.test(u)],
  ["commit I/O (WAL, checkpoint, fsync)", (_f, u) => /better-sqlite3\/lib\/methods\/transaction/.test(u)],
  ["store (other)", (_f, u) => /store-events|group-commit/.test(u)],
  ["JSON parse", (_f, u) => /parse-batch/.test(u)],
  ["body read", (_f, u) => /read-body/.test(u)],
  ["response JSON", (f) => f === "serialiseResponse"],
  ["ingest (other)", (_f, u) => /ingest-events/.test(u)],
  ["Request construction", (f) => f === "buildRequest"],
  ["GC", (f) => f === "(garbage collector)"],
  [HARNESS, (f) => f === "makeBody"],
];

export interface BreakdownResult {
  /** "real": UUIDv4 ids, random trace ids, text (bench/real-traffic.ts); "old": the load scenario. */
  shape: "real" | "old";
  /** Real-traffic events stored before the run (the seeded template it ran on). */
  prestored: number;
  batchSize: number;
  batches: number;
  /** Wall time per event through the handler's functions, without the profiler (includes I/O waits). */
  handlerUsPerEvent: number;
  /** CPU time (user + system) per event for the same run: what compares with the server's CPU. */
  handlerCpuUsPerEvent: number;
  stages: { stage: string; usPerEvent: number; share: number }[];
}

function buildRequest(body: Buffer): Request {
  return new Request("http://127.0.0.1/api/v1/ingest", {
    method: "POST", headers: { "content-type": "application/json", "content-length": String(body.length) }, body: Uint8Array.from(body),
  });
}

function makeBody(bodies: BodySource): Buffer {
  return bodies.next();
}

function serialiseResponse(result: unknown): string {
  return JSON.stringify(result);
}

async function handle(db: Db, projectId: number, body: Buffer): Promise<void> {
  const { bytes } = await readBody(buildRequest(body), { accept: ["application/json"], maxBytes: MAX_BODY_BYTES });
  const result = await ingestEvents(db, projectId, parseBatch(bytes));
  serialiseResponse(result);
}

export async function runBreakdown(
  workDir: string, batchSize: number, batches: number, spreadMs: number,
  opts: { shape?: "real" | "old"; template?: SeedTemplate } = {},
): Promise<BreakdownResult> {
  const shape = opts.shape ?? "old";
  const file = path.join(workDir, "breakdown.db");
  const { projectId } = await prepareRunDb(file, opts.template);
  const db = openDb(`file:${file}`, { synchronous: "FULL" });
  try {
    // Each body is made just before it is handled, timestamped at the real clock as a client
    // would send it (ingest keys live events by arrival, docs/adr/0022); making it is client
    // work, so it is excluded from the timings and from the profile's shares.
    const bodies: BodySource = shape === "real" ? new RealTrafficBodies(batchSize, spreadMs) : new IngestBodies(batchSize, "brk", spreadMs);
    for (let i = 0; i < Math.min(20, batches); i++) await handle(db, projectId, makeBody(bodies));
    let wallMs = 0;
    let cpuUs = 0;
    for (let i = 0; i < batches; i++) {
      const body = makeBody(bodies);
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      await handle(db, projectId, body);
      const cpu = process.cpuUsage(cpu0);
      wallMs += performance.now() - t0;
      cpuUs += cpu.user + cpu.system;
    }
    const handlerUsPerEvent = (wallMs * 1000) / (batches * batchSize);
    const handlerCpuUsPerEvent = cpuUs / (batches * batchSize);
    const session = new Session();
    session.connect();
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: 100 });
    await session.post("Profiler.start");
    for (let i = 0; i < batches; i++) await handle(db, projectId, makeBody(bodies));
    const { profile } = await session.post("Profiler.stop");
    // BENCH_SAVE_PROFILE=file.cpuprofile keeps the raw profile (open it in Chrome DevTools).
    if (process.env.BENCH_SAVE_PROFILE) fs.writeFileSync(process.env.BENCH_SAVE_PROFILE, JSON.stringify(profile));
    session.disconnect();
    const shares = stageShares(profile);
    return {
      shape, prestored: opts.template?.events ?? 0, batchSize, batches, handlerUsPerEvent: round(handlerUsPerEvent, 2), handlerCpuUsPerEvent: round(handlerCpuUsPerEvent, 2),
      stages: [...shares.entries()]
        .map(([stage, share]) => ({ stage, share: round(share, 3), usPerEvent: round(share * handlerUsPerEvent, 2) }))
        .sort((a, b) => b.share - a.share),
    };
  } finally {
    db.close();
    removeDb(file);
  }
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

function stageShares(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stageOf = new Map<number, string>();
  const classify = (id: number): string => {
    const known = stageOf.get(id);
    if (known) return known;
    let cur: number | undefined = id;
    let stage = "other";
    while (cur !== undefined) {
      const { functionName, url } = byId.get(cur)!.callFrame;
      const rule = RULES.find(([, match]) => match(functionName, url));
      if (rule) {
        stage = rule[0];
        break;
      }
      cur = parent.get(cur);
    }
    stageOf.set(id, stage);
    return stage;
  };
  const time = new Map<string, number>();
  let total = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const fn = byId.get(samples[i])!.callFrame.functionName;
    if (fn === "(idle)" || fn === "(program)") continue;
    const dt = deltas[i] ?? 0;
    const stage = classify(samples[i]);
    if (stage === HARNESS) continue;
    time.set(stage, (time.get(stage) ?? 0) + dt);
    total += dt;
  }
  return new Map([...time].map(([k, v]) => [k, v / total]));
}
