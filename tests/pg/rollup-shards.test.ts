import { describe, expect, it } from "vitest";
import { and, eq, sum } from "drizzle-orm";
import { openDb } from "@/db/client";
import { pgRows, pgTransaction } from "@/db/pg/driver";
import { rollup } from "@/db/schema";
import { SHARD_LOCK, WRITER_SHARDS } from "@/db/statements/pg/ingest";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { Aggregate } from "@/lib/metrics/aggregate";
import { getMetrics } from "@/lib/metrics/get-metrics";
import { newLatencySketch } from "@/lib/metrics/latency-sketch";
import { createPrice } from "@/lib/pricing/create-price";
import { requestReprice } from "@/lib/pricing/request-reprice";
import { runRepriceJobs } from "@/lib/pricing/run-reprice-jobs";
import { createPriceSchema, repriceRequestSchema } from "@/lib/pricing/schemas";
import { freshDb, makeProject, testContext } from "@/tests/helpers/db";
import { llmEvent } from "@/tests/helpers/ingest-client";

/**
 * Writer-sharded rollups on PostgreSQL (docs/adr/0049): an ingest transaction adds to the rows
 * of a shard no concurrent one holds, reads sum and merge the shards, and re-pricing moves one
 * shard of a key, so counts, percentiles and costs stay exact.
 */
describe("writer-sharded rollups on PostgreSQL", () => {
  it("a writer takes a shard no concurrent writer holds; reads merge the shards exactly; re-pricing counts a key once", async () => {
    const db = await freshDb();
    const p = await makeProject(db);
    const ctx = testContext(db, p.projectId);
    const now = Date.now();
    const ts = now - 30 * 60_000;
    const latency = (i: number) => 5 + ((i * 37) % 400);
    const batch = (from: number, n: number) =>
      Array.from({ length: n }, (_, k) => llmEvent({ id: `e${from + k}`, model: "ft-model", timestamp: ts + k, latencyMs: latency(from + k), inputTokens: 1_000_000, outputTokens: 0 }));

    expect((await ingestEvents(db, p.projectId, batch(0, 200), { now })).accepted).toBe(200);
    const shards = async () =>
      (await pgRows<{ s: number }>(db, "SELECT DISTINCT writer_shard AS s FROM rollup WHERE project_id = $1 ORDER BY 1", [p.projectId])).map((r) => r.s);
    const [first] = await shards();

    // Another connection holds every shard but one (as concurrent writers would): the next
    // batch must go to the free one and never wait.
    const free = (first + 1) % WRITER_SHARDS;
    const other = openDb(db.url);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let holding!: () => void;
    const locked = new Promise<void>((r) => (holding = r));
    const holder = pgTransaction(other, "read committed", async (tx) => {
      for (let s = 0; s < WRITER_SHARDS; s++) if (s !== free) await pgRows(tx, "SELECT pg_advisory_xact_lock($1, $2)", [SHARD_LOCK, s]);
      holding();
      await held;
    });
    await locked;
    try {
      expect((await ingestEvents(db, p.projectId, batch(200, 300), { now })).accepted).toBe(300);
    } finally {
      release();
      await holder;
      await other.close();
    }
    expect(await shards()).toEqual([first, free].sort((a, b) => a - b));

    const exact = newLatencySketch();
    for (let i = 0; i < 500; i++) exact.accept(latency(i));
    const expected = new Aggregate();
    expected.sketch.merge(exact);
    const metrics = async () => (await getMetrics(testContext(db, p.projectId, { now }), { groupBy: "model", from: now - 3_600_000, to: now + 60_000 })).groups;
    for (const g of await metrics()) {
      expect(g.count).toBe(500);
      expect(g.latencyMs).toEqual(expected.latency());
    }

    // The model had no price: re-pricing after one is added moves each key's cost once, not once per shard.
    await createPrice(ctx, createPriceSchema.parse({ model: "ft-model", inputPerMTok: 2, outputPerMTok: 0 }));
    await requestReprice(ctx, repriceRequestSchema.parse({ from: new Date(now - 2 * 3_600_000).toISOString(), to: new Date(now + 60_000).toISOString() }));
    await runRepriceJobs(db, { now: () => now });
    for (const resolution of [60_000, 3_600_000, 86_400_000]) {
      const [total] = await db.orm
        .select({ cost: sum(rollup.costUsd).mapWith(Number), n: sum(rollup.count).mapWith(Number) })
        .from(rollup)
        .where(and(eq(rollup.projectId, p.projectId), eq(rollup.resolution, resolution)));
      expect(total.n).toBe(500);
      expect(total.cost).toBeCloseTo(500 * 2, 6);
    }
  });
});
