/**
 * Cost of the review routing job (docs/adr/0032): one pass over N newly stored events for a queue
 * routing flagged events and one routing a 10 % sample, and the re-read of the settle window on the
 * next pass. `npx tsx bench/review-routing.ts [events]`. Prints wall time per pass and per event.
 */
import os from "node:os";
import path from "node:path";
import { openDb } from "@/db/client";
import { reviewQueue } from "@/db/schema";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { keyFloor } from "@/lib/ingest/event-id";
import { ensureProject } from "@/lib/projects/create-project";
import { routeNewEvents } from "@/lib/review/route-events";
import { removeDb } from "./bench-db";

async function main() {
  const n = Number(process.argv[2] ?? 100_000);
  const file = path.join(os.tmpdir(), `sightline-review-routing-${process.pid}.db`);
  removeDb(file);
  const db = openDb(`file:${file}`);
  const { id: projectId } = await ensureProject(db, "bench");
  const t0 = Date.now() - 5_000;
  const rubric = [{ key: "hallucination", type: "boolean" as const }];
  for (const [name, routing] of [["flagged", { flagged: true }], ["sample", { sampleRate: 0.1 }]] as const) {
    await db.orm.insert(reviewQueue).values({
      projectId, name, rubric, routing, reviewersPerItem: 1, routingCursor: keyFloor(t0), createdAt: t0, updatedAt: t0,
    });
  }
  const now = Date.now();
  for (let i = 0; i < n; i += 1000) {
    ingestEvents(db, projectId, Array.from({ length: Math.min(1000, n - i) }, (_, j) => ({
      id: `b-${i + j}`, type: "llm", model: "m", latencyMs: 10, timestamp: now - 1000, hallucination: { flagged: (i + j) % 20 === 0 },
    })), { now });
  }
  for (const pass of ["first pass (all new)", "second pass (settle window only)"]) {
    const started = performance.now();
    const r = await routeNewEvents(db, Date.now() + 1);
    const ms = performance.now() - started;
    console.log(`${pass}: ${ms.toFixed(0)} ms, scanned ${r.scanned}, added ${r.added}, ${((ms * 1000) / Math.max(1, r.scanned)).toFixed(2)} µs per scanned row`);
  }
  db.close();
  removeDb(file);
}

void main();
