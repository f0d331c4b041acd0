import { describe, expect, it } from "vitest";
import { listAuditEntries } from "@/lib/audit/list-audit-entries";
import { createPrice } from "@/lib/pricing/create-price";
import { requestReprice } from "@/lib/pricing/request-reprice";
import { createPriceSchema, updatePriceSchema } from "@/lib/pricing/schemas";
import { deletePrice, updatePrice } from "@/lib/pricing/update-price";
import { freshDb, makeProject, testContext } from "@/tests/helpers/db";

describe("price book changes are audited", () => {
  it("create, update (with before and after), delete and re-pricing requests", async () => {
    const db = await freshDb();
    const p = await makeProject(db);
    const ctx = testContext(db, p.projectId, { role: "admin", userId: 7 });
    const created = await createPrice(ctx, createPriceSchema.parse({ model: "my-model", inputPerMTok: 1, outputPerMTok: 2 }));
    await updatePrice(ctx, { id: created.id!, patch: updatePriceSchema.parse({ outputPerMTok: 3 }) });
    await requestReprice(ctx, { from: Date.now() - 86_400_000, to: Date.now() });
    await deletePrice(ctx, { id: created.id! });
    const { entries } = await listAuditEntries(ctx, { action: "price.", limit: 10 });
    expect(entries.map((e) => [e.action, e.target, e.actor])).toEqual([
      ["price.delete", `price:${created.id}`, "admin@test.local"],
      ["price.reprice", expect.stringMatching(/^reprice_job:\d+$/), "admin@test.local"],
      ["price.update", `price:${created.id}`, "admin@test.local"],
      ["price.create", `price:${created.id}`, "admin@test.local"],
    ]);
    const update = entries[2] as { before: { outputPerMTok: number }; after: { outputPerMTok: number } };
    expect([update.before.outputPerMTok, update.after.outputPerMTok]).toEqual([2, 3]);
  });
});
