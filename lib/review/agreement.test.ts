import { describe, expect, it } from "vitest";
import { cohenKappa, krippendorffAlpha, type Rating } from "./agreement";

/** Rows are observers, columns units (the layout the sources print); α wants units of ratings. */
function byUnit(rows: (Rating | null)[][]): (Rating | null)[][] {
  return rows[0].map((_, u) => rows.map((row) => row[u]));
}

function pairsOf(a: number[], b: number[]): [number, number][] {
  return a.map((x, i) => [x, b[i]]);
}

const repeat = (v: number, times: number) => Array<number>(times).fill(v);

describe("krippendorffAlpha", () => {
  // Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for
  // Communication, University of Pennsylvania, https://repository.upenn.edu/asc_papers/43 —
  // section C "Nominal data, any number of observers, missing data": 4 observers, 12 units,
  // 40 pairable values (unit 12 has one value and drops out); α_nominal = 0.743 and, section E,
  // α_interval = 0.849 on the same reliability data. The same matrix and the ordinal/ratio figures
  // are in the fast-krippendorff package's tests (pln-fing-udelar/fast-krippendorff,
  // tests/test_krippendorff.py).
  const krippendorff2011 = byUnit([
    [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
    [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
  ]);

  it("Krippendorff (2011), nominal, four observers with missing ratings: 0.743", () => {
    expect(krippendorffAlpha(krippendorff2011, "nominal")!).toBeCloseTo(0.743, 3);
  });

  it("Krippendorff (2011), interval, same data: 0.849", () => {
    expect(krippendorffAlpha(krippendorff2011, "interval")!).toBeCloseTo(0.849, 3);
  });

  // Second implementation: fast-krippendorff (pln-fing-udelar/fast-krippendorff,
  // tests/test_krippendorff.py) on the 3-coder, 15-unit example also printed in Wikipedia's
  // "Krippendorff's alpha" article: nominal 0.691358, interval 0.810845 (six decimals).
  const threeCoders = byUnit([
    [null, null, null, null, null, 3, 4, 1, 2, 1, 1, 3, 3, null, 3],
    [1, null, 2, 1, 3, 3, 4, 3, null, null, null, null, null, null, null],
    [null, null, 2, 1, 3, 4, 4, null, 2, 1, 1, 3, 3, null, 4],
  ]);

  it("fast-krippendorff vector, nominal: 0.691358", () => {
    expect(krippendorffAlpha(threeCoders, "nominal")!).toBeCloseTo(0.691358, 6);
  });

  it("fast-krippendorff vector, interval: 0.810845", () => {
    expect(krippendorffAlpha(threeCoders, "interval")!).toBeCloseTo(0.810845, 6);
  });

  it("string labels with a missing rating (fast-krippendorff: 0.722222)", () => {
    const units = byUnit([
      ["pos", "neg", "neu", null],
      ["pos", "neg", "neu", "pos"],
      ["pos", "neg", "pos", "pos"],
    ]);
    expect(krippendorffAlpha(units, "nominal")!).toBeCloseTo(0.722222, 6);
  });

  it("perfect agreement is 1 on both levels", () => {
    const units = [[1, 1, 1], [2, 2], [4, 4, null]];
    expect(krippendorffAlpha(units, "nominal")).toBe(1);
    expect(krippendorffAlpha(units, "interval")).toBe(1);
  });

  it("is undefined, not perfect, when every rating is the same value", () => {
    expect(krippendorffAlpha([[true, true], [true, true, true]], "nominal")).toBeNull();
  });

  it("is undefined when no unit has two ratings", () => {
    expect(krippendorffAlpha([[1, null], [null, 2], [3]], "nominal")).toBeNull();
  });

  it("booleans are nominal values; systematic disagreement goes below zero", () => {
    expect(krippendorffAlpha([[true, false], [false, true], [true, false]], "nominal")!).toBeLessThan(0);
  });
});

describe("cohenKappa", () => {
  // Artstein & Poesio (2008), "Inter-Coder Agreement for Computational Linguistics", Computational
  // Linguistics 34(4), Table 1: contingency [[20, 20], [10, 50]] → κ = 0.16/0.46 = 0.3478; the same
  // vectors and 0.348 are in scikit-learn's test_cohen_kappa (sklearn/metrics/tests/test_classification.py).
  it("Artstein & Poesio Table 1: 0.348", () => {
    const a = [...repeat(0, 40), ...repeat(1, 60)];
    const b = [...repeat(0, 20), ...repeat(1, 20), ...repeat(0, 10), ...repeat(1, 50)];
    expect(cohenKappa(pairsOf(a, b))!).toBeCloseTo(0.16 / 0.46, 10);
    expect(cohenKappa(pairsOf(a, b))!).toBeCloseTo(0.348, 3);
    expect(cohenKappa(pairsOf(b, a))).toBe(cohenKappa(pairsOf(a, b)));
  });

  it("Artstein & Poesio Table 4, three categories (scikit-learn: 0.8013)", () => {
    const a = [...repeat(0, 46), ...repeat(1, 44), ...repeat(2, 10)];
    const b = [...repeat(0, 52), ...repeat(1, 32), ...repeat(2, 16)];
    expect(cohenKappa(pairsOf(a, b))!).toBeCloseTo(0.8013, 4);
  });

  it("Wikipedia's worked example (20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no): 0.4", () => {
    const pairs: [boolean, boolean][] = [
      ...Array(20).fill([true, true]), ...Array(5).fill([true, false]),
      ...Array(10).fill([false, true]), ...Array(15).fill([false, false]),
    ];
    expect(cohenKappa(pairs)!).toBeCloseTo(0.4, 10);
  });

  it("is undefined without pairs or when both reviewers only ever give one value", () => {
    expect(cohenKappa([])).toBeNull();
    expect(cohenKappa([["a", "a"], ["a", "a"]])).toBeNull();
  });

  it("perfect agreement 1, perfect swap −1", () => {
    expect(cohenKappa([["a", "a"], ["b", "b"]])).toBe(1);
    expect(cohenKappa([["a", "b"], ["b", "a"]])).toBe(-1);
  });
});
