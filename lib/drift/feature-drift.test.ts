import { describe, expect, it } from "vitest";
import { computeFeatureDrift, datasetDrift, featureKind, sortBySeverity, uniqueCount } from "./feature-drift";
import { selectDriftMethod } from "./methods";
import { sampleUniform, seededRandom } from "./sample";

const range = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i));

describe("Evidently's default method selection", () => {
  it("reference ≤ 1000 rows: KS for numeric with > 5 values, chi-square above 2 values, z-test for two", () => {
    expect(selectDriftMethod("numerical", 1000, 6)).toBe("ks");
    expect(selectDriftMethod("numerical", 1000, 5)).toBe("chisquare");
    expect(selectDriftMethod("categorical", 10, 40)).toBe("chisquare");
    expect(selectDriftMethod("categorical", 10, 2)).toBe("z");
    expect(selectDriftMethod("numerical", 10, 2)).toBe("z");
  });
  it("reference > 1000 rows: normed Wasserstein for numeric with > 5 values, Jensen–Shannon otherwise", () => {
    expect(selectDriftMethod("numerical", 1001, 6)).toBe("wasserstein");
    expect(selectDriftMethod("numerical", 1001, 5)).toBe("jensenshannon");
    expect(selectDriftMethod("categorical", 5000, 2)).toBe("jensenshannon");
  });
  it("counts unique values over reference and current together", () => {
    // 3 values on each side, 6 together: KS, not chi-square.
    const ref = [1, 2, 3, 1, 2, 3];
    const cur = [4, 5, 6, 4, 5, 6];
    expect(uniqueCount(ref, cur)).toBe(6);
    expect(computeFeatureDrift(ref, cur)!.method).toBe("ks");
  });
});

describe("computeFeatureDrift", () => {
  it("KS on a shifted numeric feature drifts, with the issue's p-value", () => {
    const d = computeFeatureDrift([1, 2, 3, 4, 5, 6], [7, 8, 9, 10, 11, 12])!;
    expect(d.kind).toBe("numerical");
    expect(d.method).toBe("ks");
    expect(d.statistic).toBe(1);
    expect(d.pValue).toBeCloseTo(0.0021645021645021645, 12);
    expect(d.drifted).toBe(true);
    expect(d.severity).toBeGreaterThanOrEqual(1);
  });

  it("chooses by the unsampled reference size when told (a 5,000-row sample of 1M rows → Wasserstein)", () => {
    const ref = range(800, (i) => i % 100);
    const cur = range(800, (i) => (i % 100) + 50);
    expect(computeFeatureDrift(ref, cur)!.method).toBe("ks");
    const d = computeFeatureDrift(ref, cur, { referenceRows: 1_000_000 })!;
    expect(d.method).toBe("wasserstein");
    // W1 = 50 exactly (a pure shift); reference std of 0..99 = √((100²−1)/12).
    expect(d.statistic).toBeCloseTo(50 / Math.sqrt((100 * 100 - 1) / 12), 10);
    expect(d.drifted).toBe(true);
  });

  it("the same distribution does not drift", () => {
    const a = range(500, (i) => (i * 7) % 13);
    const d = computeFeatureDrift(a, [...a].reverse())!;
    expect(d.drifted).toBe(false);
    expect(d.severity).toBeLessThan(1);
  });

  it("text values are categorical: chi-square with the issue's vector", () => {
    const ref = [...Array(50).fill("A"), ...Array(30).fill("B"), ...Array(20).fill("C")];
    const cur = [...Array(30).fill("A"), ...Array(40).fill("B"), ...Array(30).fill("C")];
    const d = computeFeatureDrift(ref, cur)!;
    expect(d.kind).toBe("categorical");
    expect(d.method).toBe("chisquare");
    expect(d.pValue).toBeCloseTo(0.0002839629839032563, 12);
  });

  it("PSI on demand with an overridden threshold", () => {
    const ref = [...Array(25).fill("a"), ...Array(25).fill("b"), ...Array(25).fill("c"), ...Array(25).fill("d")];
    const cur = [...Array(10).fill("a"), ...Array(20).fill("b"), ...Array(30).fill("c"), ...Array(40).fill("d")];
    const d = computeFeatureDrift(ref, cur, { method: "psi", threshold: 0.25 })!;
    expect(d.statistic).toBeCloseTo(0.228217, 6);
    expect(d.threshold).toBe(0.25);
    expect(d.drifted).toBe(false);
  });

  it("a numbers-only method asked for on text falls back to the default", () => {
    expect(computeFeatureDrift(["a", "b", "a"], ["b", "b", "c"], { method: "ks" })!.method).toBe("chisquare");
  });

  it("null when a side is empty", () => {
    expect(computeFeatureDrift([], [1])).toBeNull();
  });

  it("featureKind: booleans and strings are categorical", () => {
    expect(featureKind([1, 2.5])).toBe("numerical");
    expect(featureKind([1, "2"])).toBe("categorical");
  });
});

describe("dataset drift and ordering", () => {
  it("drifts when at least half the features drifted (configurable)", () => {
    const f = [{ drifted: true }, { drifted: false }, { drifted: true }, { drifted: false }];
    expect(datasetDrift(f)).toEqual({ driftShare: 0.5, driftedCount: 2, datasetDrifted: true });
    expect(datasetDrift(f, 0.75).datasetDrifted).toBe(false);
    expect(datasetDrift([]).datasetDrifted).toBe(false);
  });
  it("sorts by severity, then name", () => {
    const sorted = sortBySeverity([
      { name: "b", severity: 0.2 },
      { name: "a", severity: 3 },
      { name: "c", severity: 0.2 },
    ]);
    expect(sorted.map((f) => f.name)).toEqual(["a", "b", "c"]);
  });
});

describe("uniform sampling", () => {
  it("keeps small inputs whole and caps large ones", () => {
    expect(sampleUniform([1, 2, 3], 5, seededRandom(1))).toEqual({ items: [1, 2, 3], sampled: false });
    const r = sampleUniform(range(10_000, (i) => i), 500, seededRandom(7));
    expect(r.sampled).toBe(true);
    expect(r.items).toHaveLength(500);
    expect(new Set(r.items).size).toBe(500);
  });
  it("is uniform: every decile gets close to a tenth of a large sample", () => {
    const r = sampleUniform(range(100_000, (i) => i), 5000, seededRandom(42));
    const deciles = new Array(10).fill(0);
    for (const v of r.items) deciles[Math.floor(v / 10_000)]++;
    // Binomial(5000, 0.1): sd ≈ 21; 5 sd either side.
    for (const c of deciles) expect(Math.abs(c - 500)).toBeLessThan(110);
  });
});
