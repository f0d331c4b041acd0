import { describe, expect, it } from "vitest";
import { combineSeries, fillSeries, seriesTotal } from "./fill-series";

const H = 3_600_000;
const T0 = Date.UTC(2025, 0, 1);
const window = { from: T0 + 10 * 60_000, to: T0 + 3 * H + 5 * 60_000, interval: "1h" as const };

describe("fillSeries", () => {
  it("fills missing buckets with 0 for additive metrics", () => {
    const out = fillSeries([{ t: new Date(T0 + H).toISOString(), value: 7 }], window, "zero");
    expect(out).toEqual([
      { t: T0, value: 0 },
      { t: T0 + H, value: 7 },
      { t: T0 + 2 * H, value: 0 },
      { t: T0 + 3 * H, value: 0 },
    ]);
    expect(seriesTotal(out)).toBe(7);
  });

  it("leaves gaps (null) for ratios and percentiles", () => {
    const out = fillSeries([{ t: T0 + 2 * H, value: 120 }], window, "gap");
    expect(out.map((p) => p.value)).toEqual([null, null, 120, null]);
  });

  it("snaps unaligned timestamps to their bucket and ignores bad ones", () => {
    const out = fillSeries(
      [
        { t: T0 + H + 59_000, value: 1 },
        { t: "not a date", value: 9 },
      ],
      window,
      "zero",
    );
    expect(out[1]).toEqual({ t: T0 + H, value: 1 });
    expect(seriesTotal(out)).toBe(1);
  });

  it("minute windows produce one point per minute", () => {
    const out = fillSeries([], { from: T0, to: T0 + 15 * 60_000, interval: "1m" }, "zero");
    expect(out).toHaveLength(16);
  });
});

describe("combineSeries", () => {
  it("zips several series into chart rows", () => {
    const rows = combineSeries(
      { p50: [{ t: T0, value: 100 }], p95: [{ t: T0, value: 300 }, { t: T0 + H, value: 280 }] },
      window,
      "gap",
    );
    expect(rows[0]).toEqual({ t: T0, p50: 100, p95: 300 });
    expect(rows[1]).toEqual({ t: T0 + H, p50: null, p95: 280 });
    expect(rows).toHaveLength(4);
  });
});
