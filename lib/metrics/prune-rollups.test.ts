import { sqliteOf } from "@/db/driver";
import { describe, expect, it } from "vitest";
import { freshDb, makeProject, testContext } from "@/tests/helpers/db";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { JOBS } from "@/lib/scheduler/jobs";
import { Scheduler } from "@/lib/scheduler/scheduler";
import { getMetrics } from "./get-metrics";

describe("minute rollup retention", () => {
  it("the scheduled prune drops old minute rows and keeps hour and day rows, so old ranges still answer", async () => {
    const db = await freshDb();
    const p = await makeProject(db);
    const now = Date.now();
    const ingestAt = (ts: number, id: string) => ingestEvents(db, p.projectId, [{ id, type: "llm", model: "m", latencyMs: 10, timestamp: ts }], { now: ts });
    await ingestAt(now - 3 * 86_400_000, "recent");
    await ingestAt(now - 60_000, "fresh");
    const countRows = (res: number) => (sqliteOf(db).prepare("SELECT count(*) AS n FROM rollup WHERE resolution = ?").get(res) as { n: number }).n;
    expect(countRows(60_000)).toBe(2);
    process.env.SIGHTLINE_MINUTE_ROLLUP_DAYS = "1";
    try {
      const job = JOBS.find((j) => j.name === "prune-minute-rollups")!;
      const run = await new Scheduler(JOBS, () => db, () => now).runJob(job);
      expect(run).toEqual({ job: job.name, ran: true });
      expect(countRows(60_000)).toBe(1);
      expect(countRows(3_600_000)).toBe(2);
      const { groups } = await getMetrics(testContext(db, p.projectId, { now }), { groupBy: "model", from: now - 4 * 86_400_000, to: now });
      expect(groups[0].count).toBe(2);
    } finally {
      delete process.env.SIGHTLINE_MINUTE_ROLLUP_DAYS;
    }
  });
});
