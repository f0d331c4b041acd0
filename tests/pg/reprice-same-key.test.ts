import { describe, expect, it } from "vitest";
import { pgRows } from "@/db/pg/driver";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { createPrice } from "@/lib/pricing/create-price";
import { requestReprice } from "@/lib/pricing/request-reprice";
import { runRepriceJobs } from "@/lib/pricing/run-reprice-jobs";
import { createPriceSchema, repriceRequestSchema } from "@/lib/pricing/schemas";
import { freshDb, makeProject, testContext } from "@/tests/helpers/db";
import { llmEvent } from "@/tests/helpers/ingest-client";

/**
 * On PostgreSQL an event key is unique per project only (docs/adr/0048): two writers may give
 * events of two projects the same key. Re-pricing one project must not rewrite the other's.
 */
describe("re-pricing with the same event key in two projects (PostgreSQL)", () => {
  it("rewrites only the repriced project's event", async () => {
    const db = await freshDb();
    const a = await makeProject(db);
    const b = await makeProject(db);
    const now = Date.now();
    const event = (id: string) => llmEvent({ id, model: "same-key-model", timestamp: now - 60_000, inputTokens: 1_000_000, outputTokens: 0 });
    expect((await ingestEvents(db, a.projectId, [event("a1")], { now })).accepted).toBe(1);
    expect((await ingestEvents(db, b.projectId, [event("b1")], { now })).accepted).toBe(1);
    const [{ id }] = await pgRows<{ id: string }>(db, "SELECT id FROM event WHERE project_id = $1", [a.projectId]);
    await pgRows(db, "UPDATE event SET id = $1 WHERE project_id = $2", [id, b.projectId]);

    const ctx = testContext(db, a.projectId, { now });
    await createPrice(ctx, createPriceSchema.parse({ model: "same-key-model", inputPerMTok: 3, outputPerMTok: 0 }));
    await requestReprice(ctx, repriceRequestSchema.parse({ from: new Date(now - 3_600_000).toISOString(), to: new Date(now + 60_000).toISOString() }));
    await runRepriceJobs(db, { now: () => now });

    const cost = async (projectId: number) =>
      (await pgRows<{ cost: number | null }>(db, "SELECT cost_usd AS cost FROM event WHERE project_id = $1 AND id = $2", [projectId, id]))[0].cost;
    expect(Number(await cost(a.projectId))).toBeCloseTo(3, 6);
    expect(await cost(b.projectId)).toBeNull();
  });
});
