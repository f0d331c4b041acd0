import { describe, expect, it } from "vitest";
import { seedLoad } from "@/lib/seed/seed-load";
import { freshDb } from "@/tests/helpers/db";
import { sqlRows } from "@/tests/helpers/sql";

describe("seed --scenario load on PostgreSQL", () => {
  it("stores every generated event through the PostgreSQL store, with rollups that add up", async () => {
    const db = await freshDb();
    const { projectId, events } = await seedLoad(db, { events: 12_000, days: 2 });
    expect(events).toBe(12_000);
    expect((await sqlRows(db, "SELECT count(*) AS n FROM event WHERE project_id = ?", projectId))[0].n).toBe(12_000);
    const [byType] = await sqlRows(db, "SELECT count(*) AS n FROM event WHERE project_id = ? AND type IN ('llm', 'prediction') AND model_id IS NOT NULL", projectId);
    const [rolled] = await sqlRows(db, "SELECT sum(count) AS n FROM rollup WHERE project_id = ? AND resolution = 86400000", projectId);
    expect(byType.n).toBeGreaterThan(0);
    expect(rolled.n).toBe(byType.n);
  }, 120_000);
});
