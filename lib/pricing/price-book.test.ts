import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDb } from "@/db/client";
import { price } from "@/db/schema";
import { freshDb, makeProject } from "@/tests/helpers/db";
import { priceBook } from "./price-book";

const T = Date.now();

describe("priceBook", () => {
  it("sees a price saved on another connection at its next call: insert, update and delete", async () => {
    const db = await freshDb();
    const { projectId } = await makeProject(db);
    // A second connection to the same file, as the ingest writer thread has.
    const writer = openDb(db.url, { migrate: false });
    try {
      expect(priceBook(writer).find(projectId, "acme-1", null, T)).toBeNull();
      const now = Date.now();
      const [row] = await db.orm
        .insert(price)
        .values({ projectId, model: "acme-", match: "prefix", inputPerMTok: 1, outputPerMTok: 2, tiers: "[]", createdBy: "test", createdAt: now, updatedAt: now })
        .returning();
      expect(priceBook(writer).find(projectId, "acme-1", null, T)?.rates.inputPerMTok).toBe(1);
      await db.orm.update(price).set({ inputPerMTok: 3, updatedAt: now + 1 }).where(eq(price.id, row.id));
      expect(priceBook(writer).find(projectId, "acme-1", null, T)?.rates.inputPerMTok).toBe(3);
      await db.orm.delete(price).where(eq(price.id, row.id));
      expect(priceBook(writer).find(projectId, "acme-1", null, T)).toBeNull();
    } finally {
      writer.close();
    }
  });

  it("keeps the same matcher while the table is unchanged (the per-event lookups stay cached)", async () => {
    const db = await freshDb();
    expect(priceBook(db)).toBe(priceBook(db));
  });
});
