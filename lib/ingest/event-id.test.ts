import { sqliteOf } from "@/db/driver";
import { describe, expect, it } from "vitest";
import { listEvents, listEventsQuerySchema } from "@/lib/events/list-events";
import { freshDb, makeProject, testContext } from "@/tests/helpers/db";
import { EventIdAllocator, KEY_SKEW_MS, eventIdToTs, keyInstant } from "./event-id";
import { storeEvents } from "./store-events";

describe("arrival-ordered event keys (docs/adr/0022)", () => {
  it("key recent events at arrival, older and future ones at their timestamp", async () => {
    const now = 1_800_000_000_000;
    expect(keyInstant(now - 5_000, now)).toBe(now);
    expect(keyInstant(now - KEY_SKEW_MS, now)).toBe(now);
    expect(keyInstant(now - KEY_SKEW_MS - 1, now)).toBe(now - KEY_SKEW_MS - 1);
    expect(keyInstant(now + 5_000, now)).toBe(now + 5_000);
  });

  it("keep event listings exact at window edges", async () => {
    const db = await freshDb();
    const { projectId } = await makeProject(db);
    const now = Date.now();
    const at = { recent30: now - 30_000, recent10: now - 10_000, old: now - 2 * 3_600_000 };
    storeEvents(db, projectId, Object.entries(at).map(([id, ts]) => ({
      event: { id, type: "llm" as const, model: "m", timestamp: ts, latencyMs: 1, environment: "production", status: "ok" as const },
    })), now);
    const stored = sqliteOf(db).prepare("SELECT client_id, id, ts FROM event").all() as { client_id: string; id: number; ts: number }[];
    for (const r of stored) expect(eventIdToTs(r.id)).toBe(r.client_id === "old" ? r.ts : now);

    const list = async (from: number, to: number) =>
      (await listEvents(testContext(db, projectId, { now }), listEventsQuerySchema.parse({ from: String(from), to: String(to) }))).events.map((e) => e.id);
    // recent30 is keyed at `now`, after this window's `to`: found all the same.
    expect(await list(now - 3_600_000, now - 20_000)).toEqual(["recent30"]);
    // recent30's key lies inside this window, its timestamp does not: left out.
    expect(await list(now - 20_000, now)).toEqual(["recent10"]);
    expect((await list(now - 3 * 3_600_000, now)).sort()).toEqual(["old", "recent10", "recent30"]);
  });
});

describe("EventIdAllocator.taken with a gap", () => {
  it("moves the next key of that millisecond past the taken one by the gap", () => {
    const ids = new EventIdAllocator();
    const first = ids.next(1000);
    ids.taken(1000, first, 300);
    expect(ids.next(1000)).toBe(first + 301);
    ids.taken(1000, first); // an older collision never moves the allocation back
    expect(ids.next(1000)).toBe(first + 302);
  });
});
