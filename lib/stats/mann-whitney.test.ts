import { describe, expect, it } from "vitest";
import { mannWhitneyGroups, mannWhitneyU } from "./mann-whitney";

// Reference values from scipy 1.17: scipy.stats.mannwhitneyu(a, b, method="asymptotic")
// (tie-corrected normal approximation with continuity correction). scipy's `statistic` is U of a.
describe("mannWhitneyU", () => {
  it("fully separated samples: U=0, p=0.0121858", () => {
    // By hand: μ = 25/2 = 12.5, σ = √(25·11/12) = 4.78714, z = (25 − 12.5 − 0.5)/σ = 2.50671, p = 2·(1 − Φ(z)).
    const r = mannWhitneyU([1, 2, 3, 4, 5], [6, 7, 8, 9, 10])!;
    expect(r.uA).toBe(0);
    expect(r.uB).toBe(25);
    expect(r.z).toBeCloseTo(2.50671, 4);
    expect(r.pValue).toBeCloseTo(0.012185780355344813, 6);
    expect(r.effect).toBe(0);
  });

  it("with ties: U=7, p=0.163045", () => {
    const r = mannWhitneyU([1, 2, 2, 3, 5], [2, 3, 3, 4, 6, 7])!;
    expect(r.uA).toBe(7);
    expect(r.pValue).toBeCloseTo(0.16304505585423734, 6);
  });

  it("heavy ties: U=6.5, p=0.204024", () => {
    const r = mannWhitneyU([1, 1, 1, 2, 2], [1, 2, 2, 2, 3])!;
    expect(r.uA).toBe(6.5);
    expect(r.pValue).toBeCloseTo(0.2040238704744366, 6);
  });

  it("latency-like samples: U=6, p=0.0128413", () => {
    const a = [12.1, 15.3, 11.8, 14.2, 13.7, 12.9, 16.4, 13.1];
    const b = [14.8, 17.2, 15.9, 16.1, 18.3, 15.2, 17.7];
    const r = mannWhitneyU(a, b)!;
    expect(r.uA).toBe(6);
    expect(r.pValue).toBeCloseTo(0.012841262337219548, 6);
  });

  it("is symmetric in its arguments", () => {
    const a = [3, 1, 4, 1, 5, 9, 2, 6];
    const b = [2, 7, 1, 8, 2, 8, 1, 8];
    const ab = mannWhitneyU(a, b)!;
    const ba = mannWhitneyU(b, a)!;
    expect(ab.pValue).toBeCloseTo(ba.pValue, 12);
    expect(ab.uA).toBe(ba.uB);
  });

  it("grouped input equals raw input (sketch bins are tied groups)", () => {
    const raw = mannWhitneyU([1, 1, 2, 2, 2, 3], [2, 3, 3, 4])!;
    const grouped = mannWhitneyGroups(
      [
        { value: 1, count: 2 },
        { value: 2, count: 3 },
        { value: 3, count: 1 },
      ],
      [
        { value: 2, count: 1 },
        { value: 3, count: 2 },
        { value: 4, count: 1 },
      ],
    )!;
    expect(grouped).toEqual(raw);
  });

  it("identical constant samples: p = 1", () => {
    expect(mannWhitneyU([5, 5, 5], [5, 5])!.pValue).toBe(1);
  });

  it("empty sample: null", () => {
    expect(mannWhitneyU([], [1, 2])).toBeNull();
  });
});
