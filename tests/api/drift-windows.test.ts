import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as ingestRoute from "@/app/api/v1/ingest/route";
import * as seriesRoute from "@/app/api/v1/models/[model]/drift/timeseries/route";
import { driftMetricSeries } from "@/lib/drift/get-drift-series";
import { requireModel } from "@/lib/models/find-model";
import { Scheduler } from "@/lib/scheduler/scheduler";
import { JOBS } from "@/lib/scheduler/jobs";
import { getFleetOverview } from "@/lib/overview/get-fleet-overview";
import { freshDb, makeProject, testContext, type TestProject } from "@/tests/helpers/db";
import { startRouteServer, type RouteServer } from "@/tests/helpers/route-server";
import { get, post } from "@/tests/helpers/ingest-client";
import type { Db } from "@/db/client";

let server: RouteServer;
let db: Db;
let p: TestProject;
const H = 3_600_000;
const now = Date.now();
const base = now - (now % H) - 5 * H;

beforeAll(async () => {
  server = await startRouteServer({ "/api/v1/ingest": ingestRoute, "/api/v1/models/[model]/drift/timeseries": seriesRoute });
});
afterAll(() => server.close());
beforeEach(async () => {
  db = await freshDb();
  p = await makeProject(db);
});

/** Three complete hours: two alike, the third with `amount` shifted. */
function hour(h: number, shift: number) {
  return Array.from({ length: 120 }, (_, i) => ({
    id: `h${h}-${i}`,
    type: "prediction",
    model: "fraud",
    timestamp: base + h * H + i * 1000,
    features: { amount: (i % 60) + shift, channel: ["web", "app", "pos"][i % 3] },
    prediction: i % 2,
  }));
}

describe("drift over time", () => {
  it("the scheduler stores hour windows once; the series and the alert metrics read them, with client-reported drift.* beside", async () => {
    const events = [...hour(0, 0), ...hour(1, 0), ...hour(2, 40), { id: "psi1", type: "metric", model: "fraud", name: "drift.psi", feature: "amount", value: 0.31, timestamp: base + 2 * H + 5 }];
    const r = await post(server.url, "/api/v1/ingest", { events }, { key: p.key });
    expect(r.status).toBeLessThan(300);

    const job = JOBS.find((j) => j.name === "compute-drift-windows")!;
    const clock = () => base + 3 * H + 60_000;
    const scheduler = new Scheduler([job], () => db, clock);
    expect((await scheduler.runJob(job, { force: true })).ran).toBe(true);

    const series = await get(server.url, `/api/v1/models/fraud/drift/timeseries?from=${base}&to=${base + 3 * H}&resolution=1h`, p.key);
    expect(series.status, JSON.stringify(series.json)).toBe(200);
    // Hour 0 has no previous window with data, so only hours 1 and 2 get a value.
    expect(series.json.driftShare.map((x: { t: string; value: number }) => [x.t, x.value])).toEqual([
      [new Date(base + H).toISOString(), 0],
      [new Date(base + 2 * H).toISOString(), 0.5],
    ]);
    const amount = series.json.features.find((f: { name: string }) => f.name === "amount");
    expect(amount.method).toBe("ks");
    expect(amount.points.map((x: { drifted: boolean }) => x.drifted)).toEqual([false, true]);
    expect(series.json.reported).toEqual([{ name: "drift.psi", feature: "amount", points: [{ t: new Date(base + 2 * H + 5).toISOString(), value: 0.31 }] }]);

    const m = await requireModel(db, p.projectId, "fraud");
    const share = await driftMetricSeries({ db, projectId: p.projectId }, { modelId: m.id, metric: "drift_share", resolutionMs: H, from: base, to: base + 3 * H });
    expect(share.map((x) => x.value)).toEqual([0, 0.5]);
    const feature = await driftMetricSeries({ db, projectId: p.projectId }, { modelId: m.id, metric: "feature_drift", feature: "amount", resolutionMs: H, from: base, to: base + 3 * H });
    expect(feature.map((x) => x.drifted)).toEqual([false, true]);

    // The overview's drift and accuracy columns use these computed values.
    await post(server.url, "/api/v1/ingest", { events: [
      { id: "lab1", type: "label", model: "fraud", targetId: "h2-0", label: 0, timestamp: base + 3 * H },
      { id: "lab2", type: "label", model: "fraud", targetId: "h2-1", label: 0, timestamp: base + 3 * H },
    ] }, { key: p.key });
    const overview = await getFleetOverview(testContext(db, p.projectId, { now: clock() }), { from: base, to: clock() });
    const row = overview.models.find((x) => x.key === "fraud")!;
    // 1 of 2 features drifted: a share of 0.5 reaches the dataset threshold, so the status is "bad".
    expect(row).toMatchObject({ driftShare: 0.5, driftStatus: "bad", accuracy: 0.5 });

    // A second pass finds nothing left to compute: the stored windows stay as they were.
    const before = await driftMetricSeries({ db, projectId: p.projectId }, { modelId: m.id, metric: "drift_share", resolutionMs: H, from: base, to: base + 3 * H });
    await scheduler.runJob(job, { force: true });
    expect(await driftMetricSeries({ db, projectId: p.projectId }, { modelId: m.id, metric: "drift_share", resolutionMs: H, from: base, to: base + 3 * H })).toEqual(before);
  });
});
