import { describe, expect, it } from "vitest";
import { driftOverTimeRows, formatDriftScore, formatThreshold } from "./prepare-drift-view";

describe("drift view preparation", () => {
  it("formats p-values and distances", () => {
    expect(formatDriftScore({ method: "ks", statistic: 0.4, pValue: 0.0123 })).toBe("p = 0.012");
    expect(formatDriftScore({ method: "chisquare", statistic: null, pValue: 0 })).toBe("p = 0.0e+0");
    expect(formatDriftScore({ method: "wasserstein", statistic: 0.23456 })).toBe("0.235");
    expect(formatThreshold({ method: "z", threshold: 0.05 })).toBe("p < 0.05");
    expect(formatThreshold({ method: "psi", threshold: 0.1 })).toBe("≥ 0.1");
  });

  it("puts computed share and reported drift.* metrics on the same hourly buckets, gaps as null", () => {
    const H = 3_600_000;
    const { rows, defs } = driftOverTimeRows(
      {
        model: "m",
        resolution: "1h",
        driftShare: [{ t: new Date(H).toISOString(), value: 0.5, drifted: true }],
        features: [],
        reported: [{ name: "drift.psi", feature: "amount", points: [{ t: new Date(2 * H + 60_000).toISOString(), value: 0.3 }] }],
      },
      { from: 0, to: 2 * H + 1, interval: "1h" },
    );
    expect(defs.map((d) => d.label)).toEqual(["Drift share (computed)", "drift.psi · amount (reported)"]);
    expect(rows).toEqual([
      { t: 0, share: null, reported0: null },
      { t: H, share: 0.5, reported0: null },
      { t: 2 * H, share: null, reported0: 0.3 },
    ]);
  });
});
