import { sqliteOf } from "@/db/driver";
import { describe, expect, it } from "vitest";
import { RESOLUTIONS } from "@/db/schema";
import { decodeSketch } from "@/lib/metrics/latency-sketch";
import { minuteHorizon } from "@/lib/metrics/retention";
import { freshDb, makeProject } from "@/tests/helpers/db";
import { storeEvents } from "./store-events";

describe("rollups written by a batch", () => {
  it("agree at every resolution, with minute rows only inside the minute horizon", async () => {
    const db = await freshDb();
    const { projectId } = await makeProject(db);
    const now = Date.UTC(2026, 10, 28, 12, 0, 0);
    const horizon = minuteHorizon(now);
    // Live events in the last hours, and backfilled ones from before the horizon.
    const ts = [...Array.from({ length: 300 }, (_, i) => now - i * 37_000), ...Array.from({ length: 200 }, (_, i) => horizon - 1 - i * 611_000)];
    const items = ts.map((t, i) => ({
      event: {
        id: `r${i}`, type: "llm" as const, timestamp: t, model: i % 3 ? "gpt-4o" : "claude-sonnet-4", environment: "production",
        latencyMs: 100 + (i % 50) * 10, status: i % 7 ? ("ok" as const) : ("error" as const), inputTokens: 10, outputTokens: 5,
      },
    }));
    // Two batches: the second merges into rows the first wrote.
    storeEvents(db, projectId, items.slice(0, 250), now);
    storeEvents(db, projectId, items.slice(250), now);

    const rows = sqliteOf(db)
      .prepare("SELECT resolution, bucket, count, error_count, latency_count, latency_sketch FROM rollup WHERE project_id = ?")
      .all(projectId) as { resolution: number; bucket: number; count: number; error_count: number; latency_count: number; latency_sketch: Buffer }[];
    const live = ts.filter((t) => t >= horizon).length;
    const errors = items.filter((x) => x.event.status === "error").length;
    for (const res of [RESOLUTIONS.hour, RESOLUTIONS.day]) {
      const at = rows.filter((r) => r.resolution === res);
      expect(at.reduce((s, r) => s + r.count, 0)).toBe(items.length);
      expect(at.reduce((s, r) => s + r.error_count, 0)).toBe(errors);
    }
    const minutes = rows.filter((r) => r.resolution === RESOLUTIONS.minute);
    expect(minutes.reduce((s, r) => s + r.count, 0)).toBe(live);
    expect(minutes.every((r) => r.bucket >= horizon - RESOLUTIONS.minute)).toBe(true);
    for (const r of rows) expect(decodeSketch(r.latency_sketch).count).toBe(r.latency_count);
  });
});
