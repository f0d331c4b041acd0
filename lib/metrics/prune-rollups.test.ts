import { describe, expect, it } from "vitest";
import { freshDb, makeProject } from "@/tests/helpers/db";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { JOBS } from "@/lib/scheduler/jobs";
import { runJob } from "@/lib/scheduler/scheduler";
import { getMetrics } from "./get-metrics";

describe("minute rollup retention", () => {
  it("the scheduled prune drops old minute rows and keeps hour and day rows, so old ranges still answer", () => {
    const db = freshDb();
    const p = makeProject(db);
    const now = Date.now();
    const ingestAt = (ts: number, id: string) => ingestEvents(db, p.projectId, [{ id, type: "llm", model: "m", latencyMs: 10, timestamp: ts }], { now: ts });
    ingestAt(now - 3 * 86_400_000, "recent");
    ingestAt(now - 60_000, "fresh");
    const countRows = (res: number) => (db.sqlite.prepare("SELECT count(*) AS n FROM rollup WHERE resolution = ?").get(res) as { n: number }).n;
    expect(countRows(60_000)).toBe(2);
    process.env.SIGHTLINE_MINUTE_ROLLUP_DAYS = "1";
    try {
      runJob(JOBS.find((j) => j.name === "prune-minute-rollups")!, now);
      expect(countRows(60_000)).toBe(1);
      expect(countRows(3_600_000)).toBe(2);
      const { groups } = getMetrics(db, p.projectId, { groupBy: "model", from: now - 4 * 86_400_000, to: now }, now);
      expect(groups[0].count).toBe(2);
    } finally {
      delete process.env.SIGHTLINE_MINUTE_ROLLUP_DAYS;
    }
  });
});
