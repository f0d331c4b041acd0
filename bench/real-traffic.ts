import { randomBytes, randomUUID } from "node:crypto";
import type { IngestEvent } from "@/lib/ingest/event-schema";
import { rng } from "@/lib/seed/random";
import { realTrafficEvent } from "@/lib/seed/real-traffic-events";
import type { BodySource } from "./ingest-load";

export { realTrafficEvent };

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
