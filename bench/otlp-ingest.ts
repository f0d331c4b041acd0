/**
 * OTLP ingest throughput versus native ingest of the same events, in-process through the two
 * route handlers (auth → body → decode/parse → map → validate → one SQLite transaction).
 *
 *   npx tsx bench/otlp-ingest.ts [--batches 40] [--spans 512]
 *
 * Run by hand, never by `npm test`. Prints a table and writes bench/results/otlp-ingest.json.
 * The two paths write to two projects of one fresh database, batch by batch in turn, so that
 * both see the same file size and cache state.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { ProtobufTraceSerializer } from "@opentelemetry/otlp-transformer";
import { defaultResource, resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { NextRequest } from "next/server";

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const BATCHES = opt("batches", 40);
const SPANS = opt("spans", 512);
const WARMUP = 3;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sightline-bench-otlp-"));
process.env.DATABASE_URL = `file:${path.join(dir, "bench.db")}`;
process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench-secret";

async function main() {
  // Imported after DATABASE_URL is set: the handlers open the database lazily through getDb().
  const { getDb, closeDb } = await import("@/db/client");
  const { createProject } = await import("@/lib/projects/create-project");
  const { createApiKey } = await import("@/lib/auth/api-keys");
  const otlpRoute = await import("@/app/api/otlp/v1/traces/route");
  const ingestRoute = await import("@/app/api/v1/ingest/route");
  const { decodeTraces } = await import("@/lib/otlp/decode");
  const { mapSpan } = await import("@/lib/otlp/map/map-span");

  const db = getDb();
  const keyFor = (slug: string) => {
    const { id } = createProject(db, { slug, name: slug });
    return createApiKey(db, { projectId: id, name: "bench", scopes: ["ingest"] }).key;
  };
  const otlpKey = keyFor("bench-otlp");
  const nativeKey = keyFor("bench-native");

  console.log(`Generating ${BATCHES + WARMUP} batches of ${SPANS} spans with the OpenTelemetry SDK…`);
  const batches = Array.from({ length: BATCHES + WARMUP }, (_, b) => {
    const spans = recordSpans(SPANS, b);
    const protobuf = Buffer.from(ProtobufTraceSerializer.serializeRequest(spans)!);
    // The native path gets exactly the events the OTLP mapping produces (without provenance).
    const events = decodeTraces(protobuf, "protobuf").spans.map((s) => mapSpan(s).event);
    return { protobuf, native: Buffer.from(JSON.stringify({ events })) };
  });

  const post = async (route: { POST: (req: NextRequest) => Promise<Response> }, url: string, key: string, type: string, body: Buffer) => {
    const req = new NextRequest(url, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": type }, body: new Uint8Array(body) });
    const res = await route.POST(req);
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
    return res;
  };
  const timings = { otlp: [] as number[], native: [] as number[] };
  for (let i = 0; i < batches.length; i++) {
    const order: ("otlp" | "native")[] = i % 2 ? ["native", "otlp"] : ["otlp", "native"];
    for (const which of order) {
      const t = performance.now();
      if (which === "otlp") await post(otlpRoute as never, "http://bench/api/otlp/v1/traces", otlpKey, "application/x-protobuf", batches[i].protobuf);
      else await post(ingestRoute as never, "http://bench/api/v1/ingest", nativeKey, "application/json", batches[i].native);
      if (i >= WARMUP) timings[which].push(performance.now() - t);
    }
  }

  // Where the OTLP time goes: each step on its own, per batch (medians), storage with and
  // without the provenance bodies alternating on two fresh projects.
  const { ingestEvents } = await import("@/lib/ingest/ingest-events");
  const { internProvenance } = await import("@/lib/otlp/otel-context");
  const withProv = createProject(db, { slug: "bench-store-with", name: "with" }).id;
  const withoutProv = createProject(db, { slug: "bench-store-without", name: "without" }).id;
  const steps = { decode: [] as number[], map: [] as number[], storeWithProvenance: [] as number[], storeWithoutProvenance: [] as number[] };
  for (const [i, b] of batches.slice(WARMUP).entries()) {
    let t = performance.now();
    const decoded = decodeTraces(b.protobuf, "protobuf");
    steps.decode.push(performance.now() - t);
    t = performance.now();
    const mapped = decoded.spans.map(mapSpan);
    steps.map.push(performance.now() - t);
    const runs = [
      // As the OTLP path stores it: the repeated context interned, the per-span rest in the body.
      () => ingestEvents(db, withProv, mapped.map((m) => m.event), { extras: internProvenance(db, withProv, mapped.map((m, j) => ({ span: decoded.spans[j], otel: m.extra.otel }))) }),
      () => ingestEvents(db, withoutProv, mapped.map((m) => m.event)),
    ];
    for (const k of i % 2 ? [1, 0] : [0, 1]) {
      t = performance.now();
      runs[k]();
      (k === 0 ? steps.storeWithProvenance : steps.storeWithoutProvenance).push(performance.now() - t);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const breakdown = Object.fromEntries(Object.entries(steps).map(([k, xs]) => [k, Math.round(median(xs) * 10) / 10]));

  const stats = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    const total = xs.reduce((a, b) => a + b, 0);
    return { batchMsP50: sorted[Math.floor(sorted.length / 2)], batchMsMean: total / xs.length, spansPerSecond: (xs.length * SPANS * 1000) / total };
  };
  const otlp = stats(timings.otlp);
  const native = stats(timings.native);
  const ratio = otlp.spansPerSecond / native.spansPerSecond;
  // Batches ran in adjacent pairs: the median of per-pair ratios is robust to load that other
  // processes put on the machine during the run.
  const pairs = timings.otlp.map((t, i) => timings.native[i] / t).sort((a, b) => a - b);
  const pairedRatio = pairs[Math.floor(pairs.length / 2)];
  const counts = db.sqlite.prepare("SELECT type, count(*) AS n FROM event GROUP BY type").all();
  const bodyBytes = db.sqlite
    .prepare("SELECT p.slug AS project, e.type, round(avg(length(e.body))) AS avgBodyBytes FROM event e JOIN project p ON p.id = e.project_id WHERE p.slug IN ('bench-otlp', 'bench-native') GROUP BY 1, 2")
    .all();
  const result = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version },
    sqliteSynchronous: process.env.SIGHTLINE_SQLITE_SYNCHRONOUS || "FULL",
    batches: BATCHES, spansPerBatch: SPANS,
    bytesPerBatch: { protobuf: batches[WARMUP].protobuf.length, nativeJson: batches[WARMUP].native.length },
    otlp,
    otlpStepsMsPerBatchMedian: breakdown,
    native,
    ratio,
    pairedRatio,
    loadAverage: os.loadavg(),
    storedEvents: counts,
    bodyBytes,
  };
  const row = (name: string, s: ReturnType<typeof stats>) => `${name.padEnd(22)}${s.spansPerSecond.toFixed(0).padStart(12)}${s.batchMsP50.toFixed(1).padStart(14)}${s.batchMsMean.toFixed(1).padStart(14)}`;
  console.log(`\n${"path".padEnd(22)}${"spans/s".padStart(12)}${"p50 ms/batch".padStart(14)}${"mean ms/batch".padStart(14)}`);
  console.log(row("OTLP protobuf", otlp));
  console.log(row("native JSON", native));
  console.log(`\nOTLP / native: ${(ratio * 100).toFixed(1)}% overall, ${(pairedRatio * 100).toFixed(1)}% median of adjacent pairs (target ≥ 70%)`);
  console.log(
    `OTLP steps per batch (medians): decode ${breakdown.decode} ms, map ${breakdown.map} ms, store ${breakdown.storeWithProvenance} ms ` +
      `(${breakdown.storeWithoutProvenance} ms without the provenance); synchronous=${result.sqliteSynchronous}`,
  );
  const out = path.join(__dirname, "results", "otlp-ingest.json");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.table(bodyBytes);
  console.log(`Wrote ${path.relative(process.cwd(), out)}`);
  if (process.env.BENCH_SHOW_BODY) for (const r of db.sqlite.prepare("SELECT type, body FROM event WHERE project_id = (SELECT id FROM project WHERE slug = 'bench-otlp') GROUP BY type").all()) console.log(r);
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
}

/** A batch of agent runs: server span → two chat calls (GenAI attributes, messages) → a tool call. */
function recordSpans(count: number, batch: number): ReadableSpan[] {
  const memory = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    // What every SDK sends at least (telemetry.sdk.*), plus the usual service attributes.
    resource: defaultResource().merge(
      resourceFromAttributes({ "service.name": "bench-app", "service.version": "1.0.0", "deployment.environment.name": "production" }),
    ),
    spanProcessors: [new SimpleSpanProcessor(memory)],
  });
  const tracer = provider.getTracer("bench", "1.0.0");
  const base = Date.now() - 3_600_000 + batch * 1000;
  const hr = (ms: number): [number, number] => [Math.floor((base + ms) / 1000), Math.round(((base + ms) % 1000) * 1e6)];
  for (let i = 0; memory.getFinishedSpans().length < count; i++) {
    const root = tracer.startSpan("POST /chat", { kind: SpanKind.SERVER, startTime: hr(i), attributes: { "http.request.method": "POST", "http.route": "/chat", "user.id": `user-${i % 97}` } });
    const ctx = trace.setSpan(ROOT_CONTEXT, root);
    for (let c = 0; c < 2 && memory.getFinishedSpans().length < count - 1; c++) {
      const chat = tracer.startSpan("chat gpt-4o-mini", {
        kind: SpanKind.CLIENT,
        startTime: hr(i + 0.1 + c * 0.3),
        attributes: {
          "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.request.model": "gpt-4o-mini",
          "gen_ai.response.model": "gpt-4o-mini-2024-07-18", "gen_ai.response.id": `chatcmpl-${batch}-${i}-${c}`,
          "gen_ai.request.temperature": 0.2, "gen_ai.usage.input_tokens": 400 + (i % 50), "gen_ai.usage.output_tokens": 80 + (i % 20),
          "gen_ai.input.messages": JSON.stringify([{ role: "user", parts: [{ type: "text", content: `Question ${i}: ${"lorem ipsum ".repeat(30)}` }] }]),
          "gen_ai.output.messages": JSON.stringify([{ role: "assistant", parts: [{ type: "text", content: `Answer ${i}: ${"dolor sit ".repeat(15)}` }], finish_reason: "stop" }]),
          "sightline.prompt.id": "support-answer", "sightline.prompt.version": 1 + (i % 3), "session.id": `sess-${i % 31}`,
        },
      }, ctx);
      chat.end(hr(i + 0.25 + c * 0.3));
    }
    if (memory.getFinishedSpans().length < count - 1) {
      const tool = tracer.startSpan("execute_tool search", { startTime: hr(i + 0.7), attributes: { "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "search" } }, ctx);
      if (i % 10 === 0) tool.setStatus({ code: SpanStatusCode.ERROR, message: "search timed out" });
      tool.end(hr(i + 0.8));
    }
    root.end(hr(i + 0.9));
  }
  return memory.getFinishedSpans().slice(0, count);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
