import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as ingestRoute from "@/app/api/v1/ingest/route";
import * as driftRoute from "@/app/api/v1/models/[model]/drift/route";
import * as attributionsRoute from "@/app/api/v1/models/[model]/attributions/route";
import * as performanceRoute from "@/app/api/v1/models/[model]/performance/route";
import * as referenceRoute from "@/app/api/v1/models/[model]/reference/route";
import * as versionRoute from "@/app/api/v1/models/[model]/versions/[version]/route";
import { freshDb, makeProject, type TestProject } from "@/tests/helpers/db";
import { startRouteServer, type RouteServer } from "@/tests/helpers/route-server";
import { get, post } from "@/tests/helpers/ingest-client";
import type { Db } from "@/db/client";

let server: RouteServer;
let db: Db;
let p: TestProject;
const H = 3_600_000;
const now = Date.now();
const base = now - (now % H) - 10 * H;

beforeAll(async () => {
  server = await startRouteServer({
    "/api/v1/ingest": ingestRoute,
    "/api/v1/models/[model]/drift": driftRoute,
    "/api/v1/models/[model]/attributions": attributionsRoute,
    "/api/v1/models/[model]/performance": performanceRoute,
    "/api/v1/models/[model]/reference": referenceRoute,
    "/api/v1/models/[model]/versions/[version]": versionRoute,
  });
});
afterAll(() => server.close());
beforeEach(async () => {
  db = await freshDb();
  p = await makeProject(db);
});

const ingest = async (events: unknown[]) => {
  for (let i = 0; i < events.length; i += 500) {
    const r = await post(server.url, "/api/v1/ingest", { events: events.slice(i, i + 500) }, { key: p.key });
    expect(r.status, JSON.stringify(r.json)).toBeLessThan(300);
  }
};

/** 400 predictions per window; in the current window `amount` is shifted by +30, the rest unchanged. */
function predictions(from: number, shifted: boolean, prefix: string) {
  return Array.from({ length: 400 }, (_, i) => ({
    id: `${prefix}-${i}`,
    type: "prediction",
    model: "fraud",
    modelVersion: shifted ? "2" : "1",
    timestamp: from + i * 9000,
    features: { amount: (i % 97) + (shifted ? 30 : 0), country: ["de", "fr", "it", "es"][i % 4], premium: i % 3 === 0 },
    attributions: shifted ? { amount: 0.1, country: 0.5, premium: 0.05 } : { amount: 0.6, country: 0.2, premium: 0.05 },
    prediction: i % 2,
    score: (i % 10) / 10,
  }));
}

describe("GET /api/v1/models/{model}/drift", () => {
  it("finds the shifted feature through the ingest API, against the previous window by default", async () => {
    await ingest([...predictions(base, false, "r"), ...predictions(base + H, true, "c")]);
    const r = await get(server.url, `/api/v1/models/fraud/drift?from=${base + H}&to=${base + 2 * H}`, p.key);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const report = r.json;
    expect(report.reference).toMatchObject({ source: "default", kind: "previous_window", count: 400, sampled: false });
    expect(report.reference.from).toBe(new Date(base).toISOString());
    expect(report.current).toMatchObject({ count: 400, sampled: false });
    expect(report.features[0]).toMatchObject({ name: "amount", kind: "numerical", method: "ks", drifted: true, referenceCount: 400, currentCount: 400, sampled: false });
    expect(report.features[0].pValue).toBeLessThan(1e-6);
    expect(report.features[0].histogram.length).toBe(20);
    expect(report.features.find((f: { name: string }) => f.name === "country")).toMatchObject({ method: "chisquare", drifted: false });
    expect(report.features.find((f: { name: string }) => f.name === "premium")).toMatchObject({ kind: "categorical", method: "z", drifted: false });
    expect(report.driftShare).toBeCloseTo(1 / 3, 12);
    expect(report.datasetDrifted).toBe(false);
    expect(report.prediction).toMatchObject({ name: "prediction", drifted: false });
    expect(report.attributions.drift).toEqual({ reference: ["amount", "country", "premium"], current: ["country", "amount", "premium"], drifted: true });
  });

  it("mean |attribution| per feature over time, most important first", async () => {
    await ingest([...predictions(base, false, "r"), ...predictions(base + H, true, "c")]);
    const r = await get(server.url, `/api/v1/models/fraud/attributions?from=${base}&to=${base + 2 * H}&interval=1h`, p.key);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json.sampled).toBe(false);
    // amount and country tie over both hours (0.35 each); premium is last either way.
    expect(r.json.features).toHaveLength(3);
    expect(r.json.features[2]).toBe("premium");
    expect(r.json.points.map((x: { t: string; count: number }) => [x.t, x.count])).toEqual([
      [new Date(base).toISOString(), 400],
      [new Date(base + H).toISOString(), 400],
    ]);
    const expected = [{ amount: 0.6, country: 0.2, premium: 0.05 }, { amount: 0.1, country: 0.5, premium: 0.05 }];
    expected.forEach((e, i) => {
      for (const [k, v] of Object.entries(e)) expect(r.json.points[i].importance[k]).toBeCloseTo(v, 12);
    });
  });

  it("per-feature method and threshold overrides", async () => {
    await ingest([...predictions(base, false, "r"), ...predictions(base + H, true, "c")]);
    const r = await get(server.url, `/api/v1/models/fraud/drift?from=${base + H}&to=${base + 2 * H}&features=amount:psi:5,country:hellinger`, p.key);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    const by = (n: string) => r.json.features.find((f: { name: string }) => f.name === n);
    expect(by("amount")).toMatchObject({ method: "psi", threshold: 5, drifted: false });
    expect(by("country")).toMatchObject({ method: "hellinger", threshold: 0.1, drifted: false });
    expect(by("premium").method).toBe("z");
    const bad = await get(server.url, `/api/v1/models/fraud/drift?features=amount:magic`, p.key);
    expect(bad.status).toBe(400);
    expect(bad.json.error.details[0].path).toBe("features");
  });

  it("samples when a window exceeds the cap and says so", async () => {
    await ingest([...predictions(base, false, "r"), ...predictions(base + H, true, "c")]);
    const r = await get(server.url, `/api/v1/models/fraud/drift?from=${base + H}&to=${base + 2 * H}&sampleSize=150`, p.key);
    expect(r.status).toBe(200);
    expect(r.json.current).toMatchObject({ count: 400, sampled: true });
    expect(r.json.features[0]).toMatchObject({ name: "amount", sampled: true, drifted: true });
  });

  it("uses an explicit reference window, then a stored version baseline, then an uploaded CSV", async () => {
    await ingest([...predictions(base, false, "r"), ...predictions(base + H, true, "c")]);
    // The current window against itself: nothing drifts.
    const self = await get(server.url, `/api/v1/models/fraud/drift?from=${base + H}&to=${base + 2 * H}&referenceFrom=${base + H}&referenceTo=${base + 2 * H}`, p.key);
    expect(self.json.reference).toMatchObject({ source: "query", kind: "window" });
    expect(self.json.driftShare).toBe(0);

    const setV = await post(server.url, "/api/v1/models/fraud/reference", { kind: "version", sourceVersion: "1" }, { key: p.key });
    expect(setV.status, JSON.stringify(setV.json)).toBe(201);
    const byVersion = await get(server.url, `/api/v1/models/fraud/drift?from=${base + H}&to=${base + 2 * H}`, p.key);
    expect(byVersion.json.reference).toMatchObject({ source: "stored", kind: "version", version: "1", count: 400 });
    expect(byVersion.json.features[0]).toMatchObject({ name: "amount", drifted: true });

    const csv = ["amount,country,premium,prediction", ...Array.from({ length: 300 }, (_, i) => `${(i % 97) + 30},${["de", "fr", "it", "es"][i % 4]},${i % 3 === 0},${i % 2}`)].join("\n");
    const setCsv = await post(server.url, "/api/v1/models/fraud/reference?name=train-2026-11", csv, { key: p.key, contentType: "text/csv" });
    expect(setCsv.status, JSON.stringify(setCsv.json)).toBe(201);
    expect(setCsv.json.reference).toMatchObject({ kind: "dataset", datasetName: "train-2026-11", rowCount: 300 });
    // Version 2's lineage names the dataset as its training data: the report links them.
    const lineage = await fetch(`${server.url}/api/v1/models/fraud/versions/2`, {
      method: "PUT",
      headers: { "content-type": "application/json", authorization: `Bearer ${p.key}` },
      body: JSON.stringify({ dataset: { name: "train-2026-11", rows: 300 } }),
    });
    expect(lineage.status).toBe(200);
    const byDataset = await get(server.url, `/api/v1/models/fraud/drift?from=${base + H}&to=${base + 2 * H}`, p.key);
    expect(byDataset.json.reference).toMatchObject({ source: "stored", kind: "dataset", datasetName: "train-2026-11", trainingDatasetOf: ["2"], count: 300 });
    // The CSV was drawn from the shifted distribution: amount no longer drifts.
    expect(byDataset.json.features.find((f: { name: string }) => f.name === "amount").drifted).toBe(false);
  });

  it("a JSON window baseline for the model, and a JSON dataset baseline that applies to one version only", async () => {
    await ingest([...predictions(base, false, "r"), ...predictions(base + H, true, "c")]);
    const win = await post(server.url, "/api/v1/models/fraud/reference", { kind: "window", from: base, to: base + H }, { key: p.key });
    expect(win.status, JSON.stringify(win.json)).toBe(201);
    expect(win.json.reference).toMatchObject({ kind: "window", version: null, from: new Date(base).toISOString(), to: new Date(base + H).toISOString() });
    const rows = Array.from({ length: 200 }, (_, i) => ({ features: { amount: (i % 97) + 30, country: ["de", "fr", "it", "es"][i % 4], premium: i % 3 === 0 }, prediction: i % 2 }));
    const ds = await post(server.url, "/api/v1/models/fraud/reference", { kind: "dataset", name: "v2-holdout", version: "2", rows }, { key: p.key });
    expect(ds.status, JSON.stringify(ds.json)).toBe(201);

    const all = await get(server.url, `/api/v1/models/fraud/drift?from=${base + H}&to=${base + 2 * H}`, p.key);
    expect(all.json.reference).toMatchObject({ source: "stored", kind: "window", count: 400 });
    expect(all.json.features[0]).toMatchObject({ name: "amount", drifted: true });

    const v2 = await get(server.url, `/api/v1/models/fraud/drift?from=${base + H}&to=${base + 2 * H}&version=2`, p.key);
    expect(v2.json.reference).toMatchObject({ source: "stored", kind: "dataset", datasetName: "v2-holdout", count: 200 });
    expect(v2.json.current).toMatchObject({ version: "2", count: 400 });
    expect(v2.json.features.find((f: { name: string }) => f.name === "amount").drifted).toBe(false);

    const unknown = await post(server.url, "/api/v1/models/fraud/reference", { kind: "version", sourceVersion: "9" }, { key: p.key });
    expect(unknown.status).toBe(404);
    const backwards = await post(server.url, "/api/v1/models/fraud/reference", { kind: "window", from: base + H, to: base }, { key: p.key });
    expect(backwards.status).toBe(400);
    expect(backwards.json.error.details[0].path).toBe("from");
  });

  it("rejects bad input with the field named, unknown models with 404, read-only keys for writes with 403", async () => {
    const bad = await get(server.url, `/api/v1/models/fraud/drift?from=10&to=5`, p.key);
    expect(bad.status).toBe(400);
    expect(bad.json.error.details[0].path).toBe("from");
    const half = await get(server.url, `/api/v1/models/fraud/drift?referenceFrom=5`, p.key);
    expect(half.status).toBe(400);
    expect(half.json.error.details[0].path).toBe("referenceTo");
    expect((await get(server.url, `/api/v1/models/nope/drift`, p.key)).status).toBe(404);
    const reader = await makeProject(db, ["read"]);
    const forbidden = await post(server.url, "/api/v1/models/fraud/reference", { kind: "version", sourceVersion: "1" }, { key: reader.key });
    expect(forbidden.status).toBe(403);
    await ingest(predictions(base, false, "r"));
    const badCsv = await post(server.url, "/api/v1/models/fraud/reference?name=x", "a,b\n1", { key: p.key, contentType: "text/csv" });
    expect(badCsv.status).toBe(400);
    expect(badCsv.json.error.details[0].path).toBe("body.row2");
  });
});

describe("GET /api/v1/models/{model}/performance", () => {
  it("labels arriving before and after their predictions both count", async () => {
    // Label first, for a prediction that arrives later.
    await ingest([{ id: "l-early", type: "label", model: "churn", targetId: "p-late", label: "yes", timestamp: base + 2 * H }]);
    const before = await get(server.url, `/api/v1/models/churn/performance?from=${base}&to=${base + 5 * H}&interval=1h`, p.key);
    expect(before.json.overall.predictions).toBe(0);

    await ingest([
      { id: "p-late", type: "prediction", model: "churn", modelVersion: "a", prediction: "yes", score: 0.9, timestamp: base + H },
      { id: "p-2", type: "prediction", model: "churn", modelVersion: "a", prediction: "no", score: 0.2, timestamp: base + H + 10 },
      { id: "p-3", type: "prediction", model: "churn", modelVersion: "b", prediction: "yes", score: 0.7, timestamp: base + 2 * H + 10 },
    ]);
    const mid = await get(server.url, `/api/v1/models/churn/performance?from=${base}&to=${base + 5 * H}&interval=1h`, p.key);
    expect(mid.status, JSON.stringify(mid.json)).toBe(200);
    expect(mid.json.overall).toMatchObject({ predictions: 3, labelled: 1 });
    expect(mid.json.overall.classification.accuracy).toBe(1);

    // Labels after their predictions: one right, one wrong.
    await ingest([
      { id: "l-2", type: "label", model: "churn", targetId: "p-2", label: "no", timestamp: base + 3 * H },
      { id: "l-3", type: "label", model: "churn", targetId: "p-3", label: "no", timestamp: base + 3 * H },
    ]);
    const after = await get(server.url, `/api/v1/models/churn/performance?from=${base}&to=${base + 5 * H}&interval=1h`, p.key);
    const o = after.json.overall;
    expect(o).toMatchObject({ predictions: 3, labelled: 3, labelCoverage: 1 });
    expect(o.classification.accuracy).toBeCloseTo(2 / 3, 12);
    expect(o.classification.confusion).toEqual({ classes: ["no", "yes"], matrix: [[1, 1], [0, 1]] });
    // Scores rank the positives: "yes" 0.9 vs "no" 0.2 and 0.7 → AUC 1.
    expect(o.classification.rocAuc).toBe(1);
    // Delays: p-late H, p-2 2H − 10, p-3 H − 10 → median H.
    expect(o.medianLabelDelayMs).toBe(H);
    expect(after.json.series.map((s: { t: string; predictions: number }) => [s.t, s.predictions])).toEqual([
      [new Date(base + H).toISOString(), 2],
      [new Date(base + 2 * H).toISOString(), 1],
    ]);
    expect(after.json.versions.map((v: { version: string; classification: { accuracy: number } }) => [v.version, v.classification.accuracy])).toEqual([
      ["a", 1],
      ["b", 0],
    ]);
  });

  it("regression metrics for numeric outcomes", async () => {
    await ingest([
      { id: "q1", type: "prediction", model: "eta", prediction: 11.5, timestamp: base },
      { id: "q2", type: "prediction", model: "eta", prediction: 18.25, timestamp: base + 1 },
      { id: "m1", type: "label", model: "eta", targetId: "q1", label: 10, timestamp: base + 5 },
      { id: "m2", type: "label", model: "eta", targetId: "q2", label: 20, timestamp: base + 5 },
    ]);
    const r = await get(server.url, `/api/v1/models/eta/performance?from=${base}&to=${base + H}`, p.key);
    expect(r.json.task).toBe("regression");
    expect(r.json.overall.regression.mae).toBeCloseTo(1.625, 12);
    expect(r.json.overall.regression.rmse).toBeCloseTo(Math.sqrt((1.5 ** 2 + 1.75 ** 2) / 2), 12);
  });
});

describe("PUT/GET /api/v1/models/{model}/versions/{version}", () => {
  it("records lineage, creating the model when the pipeline registers first, and reads it back", async () => {
    const put = async (body: unknown, key = p.key) => {
      const res = await fetch(`${server.url}/api/v1/models/ranker/versions/3.1`, {
        method: "PUT",
        headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
        body: JSON.stringify(body),
      });
      return { status: res.status, json: await res.json() };
    };
    const lineage = {
      dataset: { name: "clicks", version: "sha256:ab12", rows: 120000 },
      code: { gitCommit: "0123abcd", repositoryUrl: "https://git.example/ranker" },
      trainingRunUrl: "https://runs.example/42",
      parentVersion: "3.0",
      tags: { team: "search" },
    };
    const saved = await put(lineage);
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    expect(saved.json.lineage).toMatchObject({ model: "ranker", version: "3.1", dataset: { name: "clicks", version: "sha256:ab12", rows: 120000 }, parentVersion: "3.0", tags: { team: "search" } });
    const read = await get(server.url, "/api/v1/models/ranker/versions/3.1", p.key);
    expect(read.json.lineage).toEqual(saved.json.lineage);
    const bad = await put({ code: { gitCommit: "not a commit" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.details[0].path).toBe("code.gitCommit");
    const reader = await makeProject(db, ["read"]);
    expect((await put(lineage, reader.key)).status).toBe(403);
    expect((await get(server.url, "/api/v1/models/ranker/versions/9", p.key)).status).toBe(404);
  });
});
