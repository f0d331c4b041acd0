import { describe, expect, it } from "vitest";
import { chiSquareGoodnessOfFit } from "./chi-square";
import {
  hellingerDistance,
  jensenShannonDistance,
  normedWasserstein,
  populationStabilityIndex,
  populationStd,
  wasserstein1,
} from "./distances";
import { binnedShares, sturgesEdges } from "./histogram";
import { kolmogorovSf } from "./kolmogorov";
import { ksTwoSample } from "./ks-two-sample";
import { twoValueZTest } from "./z-test";

// Source of every expected value in this file: scipy 1.17.1 / numpy (Python 3.11), e.g.
//   scipy.stats.ks_2samp(a, b)                       (default mode "auto")
//   scipy.spatial.distance.jensenshannon(p, q, base=2)
//   scipy.stats.wasserstein_distance(a, b) / numpy.std(a)
//   scipy.stats.chisquare(f_obs, f_exp)
//   numpy.sum((p - q) * numpy.log(p / q))            (PSI)
// The first vectors are the ones in issue #13; the rest were computed the same way for this file.
const range = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i));
const counts = (o: Record<string, number>) => new Map(Object.entries(o));

describe("two-sample Kolmogorov–Smirnov (scipy ks_2samp, default mode)", () => {
  it("[1..5] vs [6..10]: D = 1.0, p = 0.0079365 (issue vector)", () => {
    const r = ksTwoSample([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]);
    expect(r.statistic).toBe(1);
    expect(r.pValue).toBeCloseTo(0.0079365, 7);
    expect(r.mode).toBe("exact");
  });

  it("[1,2,3,4] vs [3,4,5,6]: D = 0.5, p = 0.771429 (issue vector)", () => {
    const r = ksTwoSample([1, 2, 3, 4], [3, 4, 5, 6]);
    expect(r.statistic).toBe(0.5);
    expect(r.pValue).toBeCloseTo(0.771429, 6);
  });

  it("unequal sizes 7 vs 4 use the inside-method recursion: p = 0.4151515151515151", () => {
    const r = ksTwoSample([1, 2, 3, 4, 5, 6, 7], [2.5, 3.5, 9, 10]);
    expect(r.statistic).toBe(0.5);
    expect(r.pValue).toBeCloseTo(0.4151515151515151, 12);
  });

  it("300 vs 500 values, exact: D = 0.0566667, p = 0.5661299248506753", () => {
    const a = range(300, (i) => ((i * 7919) % 1000) / 100);
    const b = range(500, (i) => ((i * 7907) % 1000) / 100 + 0.5);
    const r = ksTwoSample(a, b);
    expect(r.statistic).toBeCloseTo(0.056666666666666664, 12);
    expect(r.pValue).toBeCloseTo(0.5661299248506753, 10);
  });

  it("heavy ties (i mod 7 vs i mod 9): D = 0.213333, p = 0.0006943885462783837", () => {
    const r = ksTwoSample(range(200, (i) => i % 7), range(150, (i) => i % 9));
    expect(r.statistic).toBeCloseTo(0.21333333333333335, 12);
    expect(r.pValue).toBeCloseTo(0.0006943885462783837, 12);
  });

  it("1000 vs 1000 (equal sizes, exact): D = 0.021, p = 0.9802627322900355", () => {
    const r = ksTwoSample(range(1000, (i) => i / 1000), range(1000, (i) => i / 1000 + 0.02));
    expect(r.statistic).toBeCloseTo(0.021, 12);
    expect(r.pValue).toBeCloseTo(0.9802627322900355, 10);
  });

  describe("large samples (> 10,000 on a side): asymptotic", () => {
    const a = range(12000, (i) => ((i * 7919) % 12007) / 12007);
    it("shifted: D = 0.03525; scipy (kstwo at round(en)) p = 0.0050128, limiting distribution p = 0.0051377", () => {
      const b = range(3000, (i) => (((i * 104729) % 3001) / 3001) ** 1.1);
      const r = ksTwoSample(a, b);
      expect(r.mode).toBe("asymp");
      expect(r.statistic).toBeCloseTo(0.035250000000000004, 12);
      // Exactly scipy.stats.kstwobign.sf(sqrt(2400) * D):
      expect(r.pValue).toBeCloseTo(0.005137684248274749, 12);
      // And within 3% of what ks_2samp itself reports:
      expect(Math.abs(r.pValue - 0.005012821596130401) / 0.005012821596130401).toBeLessThan(0.03);
    });
    it("similar: D = 0.0111667, p ≈ 0.92", () => {
      const b = range(3000, (i) => (((i * 104729) % 3001) / 3001) ** 1.03);
      const r = ksTwoSample(a, b);
      expect(r.statistic).toBeCloseTo(0.011166666666666714, 10);
      expect(r.pValue).toBeCloseTo(0.9257459918399454, 10);
      expect(Math.abs(r.pValue - 0.9224086579860339)).toBeLessThan(0.005);
    });
  });

  it("Kolmogorov limiting distribution matches scipy kstwobign.sf on both series branches", () => {
    const expected: [number, number][] = [
      [0.3, 0.9999906941986655],
      [0.8, 0.5441424115741981],
      [1, 0.26999967167735456],
      [1.2, 0.11224966667072497],
      [1.5, 0.022217962616525127],
      [2, 0.0006709252557796953],
    ];
    for (const [z, p] of expected) expect(kolmogorovSf(z)).toBeCloseTo(p, 12);
  });

  it("rejects an empty sample", () => {
    expect(() => ksTwoSample([], [1])).toThrow(RangeError);
  });
});

describe("chi-square goodness of fit (expected = reference shares × current count)", () => {
  it("A 50 / B 30 / C 20 vs A 30 / B 40 / C 30: χ² = 16.3333, p = 0.000284 (issue vector)", () => {
    const r = chiSquareGoodnessOfFit(counts({ A: 50, B: 30, C: 20 }), counts({ A: 30, B: 40, C: 30 }));
    expect(r.statistic).toBeCloseTo(16.333333333333336, 10);
    expect(r.pValue).toBeCloseTo(0.000284, 6);
    expect(r.pValue).toBeCloseTo(0.0002839629839032563, 12);
    expect(r.degreesOfFreedom).toBe(2);
  });

  it("scales the reference to the current total (200 reference rows, 100 current)", () => {
    const r = chiSquareGoodnessOfFit(counts({ A: 100, B: 60, C: 40 }), counts({ A: 30, B: 40, C: 30 }));
    expect(r.statistic).toBeCloseTo(16.333333333333336, 10);
  });

  it("a category the reference never saw: χ² = ∞, p = 0", () => {
    const r = chiSquareGoodnessOfFit(counts({ A: 10 }), counts({ A: 5, B: 5 }));
    expect(r.statistic).toBe(Infinity);
    expect(r.pValue).toBe(0);
  });
});

describe("two-proportion z-test", () => {
  it("a 60/b 40 vs a 45/b 55: z = 2.1239769762143657, p = 0.03367206885634588", () => {
    const r = twoValueZTest(counts({ a: 60, b: 40 }), counts({ a: 45, b: 55 }));
    expect(r.statistic).toBeCloseTo(2.1239769762143657, 12);
    expect(r.pValue).toBeCloseTo(0.03367206885634588, 10);
  });
  it("one identical value on both sides: p = 1", () => {
    expect(twoValueZTest(counts({ x: 3 }), counts({ x: 9 })).pValue).toBe(1);
  });
});

describe("Wasserstein-1, normed by the reference population std", () => {
  it("[0,1,3] vs [5,6,8]: 5.0, normed 4.008919 (issue vector)", () => {
    expect(wasserstein1([0, 1, 3], [5, 6, 8])).toBeCloseTo(5, 12);
    expect(normedWasserstein([0, 1, 3], [5, 6, 8])).toBeCloseTo(4.008919, 6);
    expect(populationStd([0, 1, 3])).toBeCloseTo(Math.sqrt(14 / 9), 12);
  });
  it("unequal sizes with ties: 0.794", () => {
    const x = range(400, (i) => ((i * 37) % 101) / 7);
    const y = range(250, (i) => ((i * 53) % 97) / 6);
    expect(wasserstein1(x, y)).toBeCloseTo(0.794, 10);
  });
  it("a constant reference is normed by the 0.001 floor", () => {
    expect(normedWasserstein([2, 2, 2], [2, 2, 3])).toBeCloseTo(1 / 3 / 0.001, 8);
  });
});

describe("Jensen–Shannon distance (base 2), PSI, Hellinger", () => {
  it("JS [1,0] vs [0.5,0.5] → 0.557923 (issue vector)", () => {
    expect(jensenShannonDistance([1, 0], [0.5, 0.5])).toBeCloseTo(0.557923, 6);
  });
  it("JS [.25,.25,.25,.25] vs [.1,.2,.3,.4] → 0.200503 (issue vector)", () => {
    expect(jensenShannonDistance([0.25, 0.25, 0.25, 0.25], [0.1, 0.2, 0.3, 0.4])).toBeCloseTo(0.200503, 6);
  });
  it("PSI [.25,.25,.25,.25] vs [.1,.2,.3,.4] → 0.228217 (issue vector)", () => {
    expect(populationStabilityIndex([0.25, 0.25, 0.25, 0.25], [0.1, 0.2, 0.3, 0.4])).toBeCloseTo(0.228217, 6);
  });
  it("PSI replaces an empty share by 0.0001", () => {
    const expected = (0.5 - 0.0001) * Math.log(0.5 / 0.0001) + (0.5 - 1) * Math.log(0.5 / 1);
    expect(populationStabilityIndex([0.5, 0.5], [0, 1])).toBeCloseTo(expected, 12);
  });
  it("Hellinger [.25,.25,.25,.25] vs [.1,.2,.3,.4] → 0.16789959640267496", () => {
    expect(hellingerDistance([0.25, 0.25, 0.25, 0.25], [0.1, 0.2, 0.3, 0.4])).toBeCloseTo(0.16789959640267496, 12);
    expect(hellingerDistance([1, 0], [0, 1])).toBeCloseTo(1, 12);
  });
  it("numerical features past 30 distinct values are binned with numpy's Sturges edges: JS = 0.21955475315766493", () => {
    const x = range(400, (i) => ((i * 37) % 101) / 7);
    const y = range(250, (i) => ((i * 53) % 97) / 6);
    expect(sturgesEdges([...x, ...y]).length - 1).toBe(11);
    const s = binnedShares("numerical", x, y);
    expect(jensenShannonDistance(s.reference, s.current)).toBeCloseTo(0.21955475315766493, 12);
  });
});
