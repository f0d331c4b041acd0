import { describe, expect, it } from "vitest";
import { buildDriftReport, columnValues, type DriftRow } from "./build-report";
import { histogramOverlay } from "./histogram-overlay";

const rows = (n: number, f: (i: number) => Record<string, unknown>, prediction: (i: number) => number | string | null = () => null): DriftRow[] =>
  Array.from({ length: n }, (_, i) => ({ features: f(i), prediction: prediction(i) }));

describe("buildDriftReport", () => {
  const reference = rows(200, (i) => ({ amount: i % 50, country: ["de", "fr", "it"][i % 3], flag: i % 2 === 0 }), (i) => i % 2);
  const current = rows(200, (i) => ({ amount: (i % 50) + 40, country: ["de", "fr", "it"][i % 3], flag: i % 2 === 0 }), (i) => i % 2);

  it("puts the shifted feature first and computes the dataset share", () => {
    const r = buildDriftReport({ rows: reference, total: 200 }, { rows: current, total: 200 });
    expect(r.features.map((f) => f.name)).toEqual(["amount", "country", "flag"]);
    expect(r.features[0]).toMatchObject({ name: "amount", method: "ks", drifted: true, sampled: false, referenceCount: 200 });
    expect(r.features[1]).toMatchObject({ method: "chisquare", drifted: false });
    expect(r.features[2]).toMatchObject({ method: "z", drifted: false });
    expect(r.driftShare).toBeCloseTo(1 / 3, 12);
    expect(r.datasetDrifted).toBe(false);
    expect(r.prediction).toMatchObject({ name: "prediction", drifted: false });
  });

  it("reports sampling and scales counts to the window", () => {
    const r = buildDriftReport({ rows: reference, total: 2000 }, { rows: current, total: 200 });
    expect(r.sampled).toBe(true);
    expect(r.features[0].referenceCount).toBe(2000);
    // The reference window has 2000 rows: Evidently switches to the distance methods.
    expect(r.features.find((f) => f.name === "amount")!.method).toBe("wasserstein");
  });

  it("per-feature overrides", () => {
    const r = buildDriftReport({ rows: reference, total: 200 }, { rows: current, total: 200 }, { perFeature: { country: { method: "psi", threshold: 0.5 } } });
    expect(r.features.find((f) => f.name === "country")).toMatchObject({ method: "psi", threshold: 0.5, drifted: false });
  });

  it("columnValues drops nulls and non-scalars, turns booleans into text", () => {
    expect(columnValues(rows(4, (i) => ({ x: [1, null, true, { a: 1 }][i] })), "x")).toEqual([1, "true"]);
  });
});

describe("histogramOverlay", () => {
  it("numbers: 20 shared bins whose shares sum to 1 per side", () => {
    const bins = histogramOverlay("numerical", [0, 1, 2, 3], [8, 9, 10]);
    expect(bins).toHaveLength(20);
    expect(bins.reduce((s, b) => s + b.reference, 0)).toBeCloseTo(1, 12);
    expect(bins.reduce((s, b) => s + b.current, 0)).toBeCloseTo(1, 12);
    expect(bins[0].reference).toBe(0.25);
    expect(bins[19].current).toBeCloseTo(1 / 3, 12);
  });
  it("categories: most frequent first, the tail folded into other", () => {
    const ref = Array.from({ length: 30 }, (_, i) => `c${i % 15}`);
    const bins = histogramOverlay("categorical", ref, ["c0", "c0"]);
    expect(bins[0]).toEqual({ label: "c0", reference: 2 / 30, current: 1 });
    expect(bins.at(-1)!.label).toBe("other");
    expect(bins).toHaveLength(13);
  });
});
