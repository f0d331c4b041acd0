import { describe, expect, it } from "vitest";
import { attributionRows } from "./prepare-attribution-view";

describe("attributionRows", () => {
  it("keeps the top four features, one column each, on the window's buckets", () => {
    const H = 3_600_000;
    const { rows, features } = attributionRows(
      {
        model: "m",
        interval: "1h",
        features: ["a", "b", "c", "d", "e"],
        points: [{ t: new Date(H).toISOString(), count: 3, importance: { a: 0.5, b: 0.2, c: 0.1, d: 0.05, e: 0.01 } }],
        sampled: false,
      },
      { from: 0, to: H, interval: "1h" },
    );
    expect(features).toEqual(["a", "b", "c", "d"]);
    expect(rows).toEqual([
      { t: 0, f0: null, f1: null, f2: null, f3: null },
      { t: H, f0: 0.5, f1: 0.2, f2: 0.1, f3: 0.05 },
    ]);
  });
});
