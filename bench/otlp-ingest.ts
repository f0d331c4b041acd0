/**
 * Where an OTLP export's time goes, step by step, in-process (the throughput ratio itself is
 * measured over HTTP by `npm run bench -- --only otlp`, bench/otlp-http.ts):
 *
 *   npx tsx bench/otlp-ingest.ts [--batches 40] [--spans 512]
 *
 * Request thread: decode → map → intern + validate (prepareTraces) → JSON for the writer.
 * Writer thread: parse that JSON → store. Native batches of the same events for comparison:
 * writer parse + validate → store. Each path writes to its own fresh database.
 * Run by hand, never by `npm test`. Prints a table and writes bench/results/otlp-ingest.json.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import { openDb } from "@/db/client";
import { ensureProject } from "@/lib/projects/create-project";
import { validateEvents } from "@/lib/ingest/ingest-events";
import { parseBatch } from "@/lib/ingest/parse-batch";
import { storeEvents, type StoreItem } from "@/lib/ingest/store-events";
import { decodeTraces } from "@/lib/otlp/decode";
import { mapSpan } from "@/lib/otlp/map/map-span";
import { prepareTraces } from "@/lib/otlp/prepare-traces";
import { recordSpans } from "./otlp-bodies";

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const BATCHES = opt("batches", 40);
const SPANS = opt("spans", 512);
const WARMUP = 3;

async function database(dir: string, name: string) {
  const db = openDb(`file:${path.join(dir, `${name}.db`)}`);
  return { db, projectId: (await ensureProject(db, name)).id };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sightline-bench-otlp-"));
  console.log(`Generating ${BATCHES + WARMUP} batches of ${SPANS} spans with the OpenTelemetry SDK…`);
  const batches = Array.from({ length: BATCHES + WARMUP }, (_, b) => {
    const spans = recordSpans(SPANS, b, Date.now() - 10_000);
    const protobuf = Buffer.from(ProtobufTraceSerializer.serializeRequest(spans)!);
    const events = decodeTraces(protobuf, "protobuf").spans.map((s) => mapSpan(s).event);
    return { protobuf, native: Buffer.from(JSON.stringify({ events })) };
  });
  const otlp = await database(dir, "otlp");
  const native = await database(dir, "native");
  const steps: Record<string, number[]> = { decode: [], map: [], "intern + validate": [], "JSON for the writer": [], "writer: parse JSON": [], "writer: store": [], "native: parse + validate": [], "native: store": [] };
  const time = <T>(step: string, i: number, f: () => T): T => {
    const t = performance.now();
    const out = f();
    if (i >= WARMUP) steps[step].push(performance.now() - t);
    return out;
  };
  for (const [i, b] of batches.entries()) {
    const decoded = time("decode", i, () => decodeTraces(b.protobuf, "protobuf"));
    time("map", i, () => decoded.spans.map(mapSpan)); // timed alone; prepareTraces maps again below
    const t = performance.now();
    const prepared = await prepareTraces(otlp.db, otlp.projectId, decoded);
    if (i >= WARMUP) steps["intern + validate"].push(performance.now() - t - steps.map.at(-1)!);
    const json = time("JSON for the writer", i, () => JSON.stringify(prepared.events.valid));
    const items = time("writer: parse JSON", i, () => JSON.parse(json) as StoreItem[]);
    time("writer: store", i, () => storeEvents(otlp.db, otlp.projectId, items));
    const valid = time("native: parse + validate", i, () => validateEvents(parseBatch(b.native)).valid);
    time("native: store", i, () => storeEvents(native.db, native.projectId, valid));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const ms = Object.fromEntries(Object.entries(steps).map(([k, xs]) => [k, Math.round(median(xs) * 100) / 100]));
  const requestThread = ms.decode + ms.map + ms["intern + validate"] + ms["JSON for the writer"];
  const writerOtlp = ms["writer: parse JSON"] + ms["writer: store"];
  const writerNative = ms["native: parse + validate"] + ms["native: store"];
  console.log(`\n${"step (ms per batch of " + SPANS + ", median)".padEnd(44)}ms`);
  for (const [k, v] of Object.entries(ms)) console.log(`${k.padEnd(44)}${v.toFixed(2).padStart(8)}`);
  console.log(`\nOTLP request thread ${requestThread.toFixed(2)} ms, OTLP writer ${writerOtlp.toFixed(2)} ms, native writer ${writerNative.toFixed(2)} ms per batch`);
  const out = path.join(__dirname, "results", "otlp-ingest.json");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), spansPerBatch: SPANS, batches: BATCHES, medianMsPerBatch: ms, requestThread, writerOtlp, writerNative, loadAverage: os.loadavg() }, null, 2)}\n`);
  console.log(`Wrote ${path.relative(process.cwd(), out)}`);
  otlp.db.close();
  native.db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
