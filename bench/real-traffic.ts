import { randomBytes, randomUUID } from "node:crypto";
import type { IngestEvent } from "@/lib/ingest/event-schema";
import { loadEvent } from "@/lib/seed/load-events";
import { rng, type Rng } from "@/lib/seed/random";
import type { BodySource } from "./ingest-load";

/**
 * The shape real clients send (issue 10): a UUIDv4 event id, a random 128-bit W3C trace id on
 * every event, user and session ids, and 0.5–1 KB of input/output text on LLM calls. Events are
 * the load scenario's (same models, prompts, latencies, tokens) with those fields added, so the
 * old shape and this one differ only in what makes inserts scatter in the indexes.
 */
const WORDS = (
  "the a to of and in is for on with that how what can you please my account order reset password billing invoice plan " +
  "upgrade refund error timeout model prompt answer question help support settings security email update delivery status"
).split(" ");

function text(r: Rng, chars: number): string {
  let s = "";
  while (s.length < chars) s += `${r.pick(WORDS)} `;
  return s.slice(0, chars);
}

export function realTrafficEvent(r: Rng, id: string, traceId: string, ts: number): IngestEvent {
  const e = loadEvent(r, id, ts) as IngestEvent & Record<string, unknown>;
  e.traceId = traceId;
  e.userId ??= `user-${r.int(1, 5000)}`;
  e.sessionId = `sess-${r.int(1, 50_000)}`;
  if (e.type === "llm") {
    const total = r.int(500, 1000);
    const input = Math.round(total * 0.6);
    e.input = text(r, input);
    e.output = text(r, total - input);
  }
  return e;
}

/** Concrete real-traffic events (the floor's rows), ids and trace ids random as a client makes them. */
export function realTrafficEvents(n: number, seed = n): IngestEvent[] {
  const r = rng(seed);
  const now = Date.now();
  return Array.from({ length: n }, (_, i) => realTrafficEvent(r, randomUUID(), randomBytes(16).toString("hex"), now - 3_600_000 + Math.floor((i / n) * 3_600_000)));
}

const ID = "@@EVENT_ID@@";
const TRACE = "@@TRACE_ID@@";

/**
 * `POST /api/v1/ingest` bodies of the real-traffic shape: a few templates serialised once; each
 * request fills in fresh UUIDv4 ids and random trace ids and moves timestamps to the 5 s
 * before sending (as IngestBodies does for the old shape).
 */
export class RealTrafficBodies implements BodySource {
  readonly path = "/api/v1/ingest";
  readonly contentType = "application/json";
  private readonly createdAt = Date.now();
  private readonly templates: string[][];
  private readonly sizes: number[];
  private n = 0;

  constructor(
    readonly batchSize: number,
    spreadMs = 5_000,
    templates = 8,
  ) {
    const r = rng(batchSize * 104_729 + templates);
    const bodies = Array.from({ length: templates }, () =>
      JSON.stringify({ events: Array.from({ length: batchSize }, () => realTrafficEvent(r, ID, TRACE, this.createdAt - r.int(0, spreadMs))) }),
    );
    this.sizes = bodies.map((b) => Buffer.byteLength(b.replaceAll(ID, randomUUID()).replaceAll(TRACE, "0".repeat(32))));
    // Split at the placeholders once; a request is then one join over fresh values.
    this.templates = bodies.map((b) => b.split(/(@@EVENT_ID@@|@@TRACE_ID@@)/));
  }

  next(sentAt = Date.now()): Buffer {
    const parts = this.templates[this.n++ % this.templates.length];
    const shift = sentAt - this.createdAt;
    const random = randomBytes(16 * this.batchSize).toString("hex");
    let traces = 0;
    const out = parts.map((p) => (p === ID ? randomUUID() : p === TRACE ? random.slice(32 * traces, 32 * ++traces) : p)).join("");
    return Buffer.from(out.replace(/"timestamp":(\d+)/g, (_, t: string) => `"timestamp":${Number(t) + shift}`));
  }

  get bytesPerEvent(): number {
    return Math.round(this.sizes[0] / this.batchSize);
  }
}
