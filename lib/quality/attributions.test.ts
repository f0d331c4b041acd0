import { describe, expect, it } from "vitest";
import { attributionDrift, meanAbsAttribution, rankFeatures } from "./attributions";

describe("attributions", () => {
  it("mean |attribution| per feature, ignoring non-numbers", () => {
    expect(meanAbsAttribution([{ a: 0.5, b: -0.2 }, { a: -0.1, b: "x" }, { c: 1 }])).toEqual({ a: 0.3, b: 0.2, c: 1 });
  });
  it("ranks by importance, ties by name", () => {
    expect(rankFeatures({ b: 1, a: 1, c: 2 })).toEqual(["c", "a", "b"]);
  });
  it("flags a change in the ordered top 3, not below it", () => {
    const ref = { income: 0.5, age: 0.3, region: 0.1, tenure: 0.01, device: 0.001 };
    expect(attributionDrift(ref, { ...ref, device: 0.05 })!.drifted).toBe(false);
    expect(attributionDrift(ref, { ...ref, age: 0.6 })).toEqual({
      reference: ["income", "age", "region"],
      current: ["age", "income", "region"],
      drifted: true,
    });
    expect(attributionDrift(ref, { ...ref, tenure: 0.2 })!.drifted).toBe(true);
    expect(attributionDrift({}, ref)).toBeNull();
  });
});
