import { describe, expect, it } from "vitest";
import { completeBuckets, sparklinePaths } from "./sparkline";

describe("sparklinePaths", () => {
  it("scales the maximum to the top and zero to the bottom", () => {
    const g = sparklinePaths([0, 5, 10], 100, 20, 0);
    expect(g.line).toBe("M0 20 L50 10 L100 0");
    expect(g.area).toBe("M0 20 L50 10 L100 0 L100 20 L0 20 Z");
    expect(g.max).toBe(10);
  });
  it("draws a flat line for all-zero and single-point series", () => {
    expect(sparklinePaths([0, 0], 10, 10, 0).line).toBe("M0 10 L10 10");
    expect(sparklinePaths([3], 10, 10, 0).line).toBe("M0 0 L10 0");
    expect(sparklinePaths([], 10, 10).line).toBe("");
  });
});

describe("completeBuckets", () => {
  const H = 3_600_000;
  it("drops the bucket the window ends inside", () => {
    expect(completeBuckets([5, 6, 1], { to: 10 * H + 60_000, interval: "1h" })).toEqual([5, 6]);
  });
  it("keeps every bucket when the window ends on a bucket boundary, and a lone bucket", () => {
    expect(completeBuckets([5, 6, 7], { to: 11 * H - 1, interval: "1h" })).toEqual([5, 6, 7]);
    expect(completeBuckets([4], { to: 10 * H + 5, interval: "1h" })).toEqual([4]);
  });
});
