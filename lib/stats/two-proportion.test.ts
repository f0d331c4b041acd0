import { describe, expect, it } from "vitest";
import { twoProportionZTest } from "./two-proportion";
import { formatP, verdictText } from "./verdict";

// Reference values by hand (checked with scipy.stats.norm.sf for the tail):
//   45/500 vs 30/500: p̂ = 75/1000 = 0.075, SE = √(0.075·0.925·(2/500)) = 0.0166583,
//   z = 0.03 / SE = 1.80090, p = 2·(1 − Φ(1.80090)) = 0.0717185.
//   120/1000 vs 80/1000: p̂ = 0.1, SE = √(0.1·0.9·0.002) = 0.0134164, z = 2.98142, p = 0.00286911.
describe("twoProportionZTest", () => {
  it("45/500 vs 30/500", () => {
    const r = twoProportionZTest(45, 500, 30, 500)!;
    expect(r.z).toBeCloseTo(1.8009006755629924, 6);
    expect(r.pValue).toBeCloseTo(0.07171853650843411, 5);
  });

  it("120/1000 vs 80/1000", () => {
    const r = twoProportionZTest(120, 1000, 80, 1000)!;
    expect(r.z).toBeCloseTo(2.9814239699997187, 6);
    expect(r.pValue).toBeCloseTo(0.0028691127920766196, 6);
  });

  it("equal rates give p = 1", () => {
    expect(twoProportionZTest(5, 100, 5, 100)!.pValue).toBeCloseTo(1, 6);
  });

  it("no events in either sample: p = 1, no division by zero", () => {
    expect(twoProportionZTest(0, 100, 0, 50)!.pValue).toBe(1);
  });

  it("empty sample: null", () => {
    expect(twoProportionZTest(0, 0, 1, 10)).toBeNull();
  });
});

describe("verdictText", () => {
  const words = { higher: "is slower than", lower: "is faster than" };
  it("names the direction when significant", () => {
    expect(verdictText({ a: "v2", b: "v3", pValue: 0.003, bIsHigher: true, words }).text).toBe("v3 is slower than v2 (p = 0.003)");
  });
  it("says no significant difference otherwise", () => {
    const v = verdictText({ a: "v2", b: "v3", pValue: 0.2, bIsHigher: true, words });
    expect(v).toEqual({ significant: false, direction: "none", text: "No significant difference (p = 0.20)" });
  });
  it("formats tiny p-values", () => {
    expect(formatP(1e-9)).toBe("p < 0.001");
  });
});
