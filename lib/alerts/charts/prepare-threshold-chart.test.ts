import { describe, expect, it } from "vitest";
import { prepareThresholdChart } from "./prepare-threshold-chart";

describe("prepareThresholdChart", () => {
  it("merges series by time, draws every threshold and shades incidents (open ones to the end)", () => {
    const c = prepareThresholdChart({
      series: [
        { key: "model=a", labels: { model: "a" }, points: [{ t: 2, value: 0.5 }, { t: 1, value: 0.1 }] },
        { key: "model=b", labels: { model: "b" }, points: [{ t: 1, value: null }] },
      ],
      incidents: [{ key: "model=a", startedAt: 2, endedAt: null, severity: "critical" }],
      threshold: 0.3, warningThreshold: 0.2, recoveryThreshold: 0.25, to: 9,
    });
    expect(c.rows).toEqual([{ t: 1, s0: 0.1, s1: null }, { t: 2, s0: 0.5 }]);
    expect(c.lines.map((l) => l.label)).toEqual(["a", "b"]);
    expect(c.references.map((r) => [r.label, r.value])).toEqual([["critical", 0.3], ["warning", 0.2], ["recovery", 0.25]]);
    expect(c.bands).toEqual([{ from: 2, to: 9, tone: "bad", label: "critical · model=a" }]);
    expect(c.domain[0]).toBe(0);
    expect(c.domain[1]).toBeCloseTo(0.55);
  });

  it("keeps a far-away threshold in view and handles negative (relative) values", () => {
    const c = prepareThresholdChart({ series: [{ key: "", labels: {}, points: [{ t: 1, value: -40 }] }], incidents: [], threshold: 50, to: 1 });
    expect(c.domain[0]).toBeLessThan(-40);
    expect(c.domain[1]).toBeGreaterThan(50);
    expect(c.lines[0].label).toBe("value");
  });
});
