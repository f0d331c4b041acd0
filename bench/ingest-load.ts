import type http from "node:http";
import { loadEvent } from "@/lib/seed/load-events";
import { rng } from "@/lib/seed/random";
import { request } from "./http-client";

/** Placeholder replaced per request so that every event id is unique (no duplicates measured). */
export const SLOT = "#REQ#####";

/** Request bodies for one ingest endpoint: every call gives a body no earlier call gave. */
export interface BodySource {
  readonly path: string;
  readonly contentType: string;
  readonly batchSize: number;
  /** Body bytes on the wire per event. */
  readonly bytesPerEvent: number;
  next(sentAt?: number): Buffer;
}

/**
 * Request bodies for `POST /api/v1/ingest`: the load scenario's events (the same rows the floor
 * inserts). A few templates are serialised once; each request substitutes its own id prefix
 * and shifts the timestamps so that they stay within the 5 s before sending, as an exporter's
 * batch would. (Frozen timestamps would make every batch land all over the same old key range,
 * dirtying hundreds of pages per commit — a pattern no live client produces.)
 */
export class IngestBodies implements BodySource {
  readonly path = "/api/v1/ingest";
  readonly contentType = "application/json";
  private templates: string[];
  readonly createdAt = Date.now();
  private n = 0;
  constructor(
    readonly batchSize: number,
    private readonly runId: string,
    /** How far back from the send time the batch's event timestamps reach. */
    spreadMs = 5_000,
    templates: number | string[] = 8,
  ) {
    if (Array.isArray(templates)) {
      // Given bodies (bench/otlp-bodies.ts): event ids contain SLOT, timestamps are as of `createdAt`.
      this.templates = templates;
      return;
    }
    const r = rng(batchSize * 7919 + templates);
    this.templates = Array.from({ length: templates }, () => {
      const events = Array.from({ length: batchSize }, (_, i) => loadEvent(r, `${SLOT}-${i}`, this.createdAt - r.int(0, spreadMs)));
      return JSON.stringify({ events });
    });
  }
  /** The next body, timestamped as if sent at `sentAt` (a simulated clock for in-process runs). */
  next(sentAt = Date.now()): Buffer {
    const id = `${this.runId}${(this.n++).toString(36)}`.padStart(SLOT.length, "0").slice(-SLOT.length);
    const shift = sentAt - this.createdAt;
    const body = this.templates[this.n % this.templates.length]
      .replaceAll(SLOT, id)
      .replace(/"timestamp":(\d+)/g, (_, t: string) => `"timestamp":${Number(t) + shift}`);
    return Buffer.from(body);
  }
  get bytesPerEvent(): number {
    return Math.round(Buffer.byteLength(this.templates[0]) / this.batchSize);
  }
}

export interface IngestRun {
  requests: number;
  okRequests: number;
  failed: number;
  events: number;
  seconds: number;
  latencies: number[];
  statuses: Record<string, number>;
}

function emptyRun(): IngestRun {
  return { requests: 0, okRequests: 0, failed: 0, events: 0, seconds: 0, latencies: [], statuses: {} };
}

function record(run: IngestRun, status: number, ms: number, batch: number) {
  run.requests++;
  run.latencies.push(ms);
  run.statuses[status] = (run.statuses[status] ?? 0) + 1;
  if (status === 200) {
    run.okRequests++;
    run.events += batch;
  } else {
    run.failed++;
  }
}

interface Target {
  agent: http.Agent;
  url: string;
  key: string;
  bodies: BodySource;
}

function post(t: Target) {
  return request(t.agent, `${t.url}${t.bodies.path}`, {
    method: "POST",
    headers: { "content-type": t.bodies.contentType, authorization: `Bearer ${t.key}` },
    body: t.bodies.next(),
  });
}

/** `clients` loops, each with one request in flight, for `seconds`: the maximum sustained rate. */
export async function closedLoop(t: Target, clients: number, seconds: number): Promise<IngestRun> {
  const run = emptyRun();
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const res = await post(t);
        record(run, res.status, res.ms, t.bodies.batchSize);
      }
    }),
  );
  run.seconds = (performance.now() - started) / 1000;
  return run;
}

/**
 * A fixed arrival rate (one batch every interval) for `seconds`, independent of how fast the
 * server answers — as real exporters behave. At most `maxInFlight` requests are outstanding;
 * an arrival beyond that counts as a failed ingest (the exporter would drop or retry it).
 */
export async function openLoop(t: Target, eventsPerSecond: number, seconds: number, maxInFlight = 64): Promise<IngestRun> {
  const run = emptyRun();
  const intervalMs = (t.bodies.batchSize / eventsPerSecond) * 1000;
  const started = performance.now();
  const pending = new Set<Promise<void>>();
  for (let i = 0; ; i++) {
    const due = started + i * intervalMs;
    if (due > started + seconds * 1000) break;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (pending.size >= maxInFlight) {
      record(run, 0, 0, t.bodies.batchSize);
      continue;
    }
    const p: Promise<void> = post(t).then((res) => {
      record(run, res.status, res.ms, t.bodies.batchSize);
      pending.delete(p);
    });
    pending.add(p);
  }
  await Promise.all(pending);
  run.seconds = (performance.now() - started) / 1000;
  return run;
}
