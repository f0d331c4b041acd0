import { describe, expect, it } from "vitest";
import { formatCount, formatDeltaPct, formatMs, formatPercent, formatTick, formatUsd } from "./format";

describe("formatters", () => {
  it("counts", () => {
    expect(formatCount(1234)).toBe("1,234");
    expect(formatCount(1_250_000)).toBe("1.3M");
    expect(formatCount(null)).toBe("—");
  });
  it("durations", () => {
    expect(formatMs(3.25)).toBe("3.3 ms");
    expect(formatMs(412.6)).toBe("413 ms");
    expect(formatMs(1530)).toBe("1.53 s");
    expect(formatMs(12_400)).toBe("12.4 s");
  });
  it("money", () => {
    expect(formatUsd(0)).toBe("$0");
    expect(formatUsd(0.0042)).toBe("$0.0042");
    expect(formatUsd(12.345)).toBe("$12.35");
  });
  it("rates and deltas", () => {
    expect(formatPercent(0.0123)).toBe("1.2%");
    expect(formatPercent(0.0004)).toBe("<0.1%");
    expect(formatDeltaPct(200, 250)).toBe("+25.0%");
    expect(formatDeltaPct(200, 150)).toBe("−25.0%");
    expect(formatDeltaPct(0, 5)).toBe("—");
  });
  it("axis ticks in UTC", () => {
    const t = Date.UTC(2025, 2, 4, 13, 7);
    expect(formatTick(t, "1m")).toBe("13:07");
    expect(formatTick(t, "1h")).toBe("13:07");
    expect(formatTick(Date.UTC(2025, 2, 4), "1h")).toBe("03-04");
    expect(formatTick(t, "1d")).toBe("03-04");
  });
});
