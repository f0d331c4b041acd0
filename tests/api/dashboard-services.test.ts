import { beforeEach, describe, expect, it } from "vitest";
import { freshDb, makeProject, type TestProject, testContext } from "@/tests/helpers/db";
import { ingestEvents } from "@/lib/ingest/ingest-events";
import { getMetrics } from "@/lib/metrics/get-metrics";
import { getFleetOverview } from "@/lib/overview/get-fleet-overview";
import { getPromptStats } from "@/lib/prompts/get-prompt-stats";
import type { Db } from "@/db/client";

let db: Db;
let p: TestProject;
const now = Date.now();
const H = 3_600_000;

beforeEach(async () => {
  db = await freshDb();
  p = await makeProject(db);
  // v1 fast and mostly honest, v2 slow and flagged more often; plus an ML model.
  const events = [];
  for (let i = 0; i < 2000; i++) {
    const v = i % 2 === 0 ? 1 : 2;
    events.push({
      id: `c${i}`, type: "llm", model: "gpt-4o", timestamp: now - 20 * H + Math.floor((i / 2000) * 19 * H), promptId: "answer",
      promptVersion: v, latencyMs: (v === 1 ? 300 : 450) + (i % 97), inputTokens: 500, outputTokens: 50,
      hallucination: { flagged: i % (v === 1 ? 20 : 5) === 1 },
    });
    if (i % 4 === 0) events.push({ id: `p${i}`, type: "prediction", model: "fraud-xgb", timestamp: now - 10 * H, prediction: 0, latencyMs: 9 });
  }
  for (let i = 0; i < events.length; i += 1000) await ingestEvents(db, p.projectId, events.slice(i, i + 1000));
  await ingestEvents(db, p.projectId, [{ id: "psi", type: "metric", model: "fraud-xgb", name: "drift.psi", feature: "amount", value: 0.31, timestamp: now - H }]);
});

describe("dashboard services agree with the metrics API", () => {
  it("overview rows total the same as /metrics, with sparklines and drift", async () => {
    const from = now - 24 * H;
    const overview = await getFleetOverview(testContext(db, p.projectId), { from, to: now, interval: "1h" });
    const metrics = await getMetrics(testContext(db, p.projectId, { now }), { groupBy: "model", from, to: now });
    for (const row of overview.models) {
      const g = metrics.groups.find((x) => x.model === row.key)!;
      expect(row.count).toBe(g.count);
      expect(row.latencyMs).toEqual(g.latencyMs);
      expect(row.sparkline.reduce((s, n) => s + n, 0)).toBe(g.count);
    }
    const fraud = overview.models.find((m) => m.key === "fraud-xgb")!;
    expect(fraud).toMatchObject({ kind: "ml", count: 500, maxPsi: 0.31, driftStatus: "bad" });
    expect(overview.prompts.map((x) => [x.key, x.count])).toEqual([["answer", 2000]]);
  });

  it("prompt stats match /metrics per version and call v2 slower and more hallucinating", async () => {
    const from = now - 24 * H;
    const stats = await getPromptStats(testContext(db, p.projectId), { key: "answer", from, to: now, a: 1, b: 2 });
    const metrics = await getMetrics(testContext(db, p.projectId, { now }), { groupBy: "promptVersion", promptId: "answer", from, to: now });
    expect(stats.versions.map((v) => [v.version, v.count])).toEqual([[2, 1000], [1, 1000]]);
    for (const v of stats.versions) {
      const g = metrics.groups.find((x) => x.promptVersion === v.version)!;
      expect(v.latencyMs).toEqual(g.latencyMs);
      expect(v.costPerCall).toBeCloseTo(g.costUsd! / g.count, 12);
    }
    const byMetric = Object.fromEntries(stats.comparison!.tests.map((t) => [t.metric, t]));
    expect(byMetric.latency).toMatchObject({ significant: true, direction: "higher", nA: 1000, nB: 1000 });
    expect(byMetric.latency.verdict).toMatch(/^v2 is slower than v1 \(p [<=]/);
    expect(byMetric.hallucinationRate).toMatchObject({ significant: true, direction: "higher" });
    expect(byMetric.errorRate.significant).toBe(false);
  });
});
