import { afterEach, describe, expect, it, vi } from "vitest";
import { openDb } from "@/db/client";
import { price } from "@/db/schema";
import { revokeApiKey, verifyApiKey } from "@/lib/auth/api-keys";
import { loadPriceBook } from "@/lib/pricing/price-book";
import { systemContext } from "@/lib/services/context";
import { freshDb, makeProject } from "@/tests/helpers/db";

/**
 * Per-process caches and changes made through another instance (docs/scaling.md): two handles
 * on one database stand for two instances (own pools or connections, own caches). A change is
 * seen by the other instance within the documented bound, and not served stale past it.
 */
afterEach(() => {
  vi.useRealTimers();
});

describe("caches across instances", () => {
  it("a key revoked through one instance is refused by the other within 10 s", async () => {
    const a = await freshDb();
    const p = await makeProject(a);
    const b = openDb(process.env.DATABASE_URL, { migrate: false });
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    try {
      expect(await verifyApiKey(b, p.key)).toMatchObject({ projectId: p.projectId });
      const { keyId } = (await verifyApiKey(a, p.key))!;
      expect(await revokeApiKey(systemContext(a, p.projectId, "test"), { keyId })).toBe(true);
      expect(await verifyApiKey(a, p.key)).toBeNull(); // the revoking instance: at once
      vi.setSystemTime(Date.now() + 10_001);
      expect(await verifyApiKey(b, p.key)).toBeNull(); // the other one: within the bound
    } finally {
      await b.close();
    }
  });

  it("a price added through one instance is applied by the other's next ingest batch", async () => {
    const a = await freshDb();
    const p = await makeProject(a);
    const b = openDb(process.env.DATABASE_URL, { migrate: false });
    try {
      const now = Date.now();
      expect((await loadPriceBook(b)).find(p.projectId, "house-model-7", null, now)).toBeNull();
      await a.orm.insert(price).values({
        projectId: p.projectId, model: "house-model-", match: "prefix", inputPerMTok: 1, outputPerMTok: 2, createdBy: "test", createdAt: 1, updatedAt: 1,
      });
      expect((await loadPriceBook(b)).find(p.projectId, "house-model-7", null, now)).toMatchObject({ model: "house-model-", rates: { inputPerMTok: 1, outputPerMTok: 2 } });
    } finally {
      await b.close();
    }
  });
});
