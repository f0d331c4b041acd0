import { describe, expect, it } from "vitest";
import { customRangeProblem, rangeLabel, resolveWindow, timeRangeSchema } from "./ranges";

const NOW = Date.parse("2026-03-10T12:00:00Z");

describe("customRangeProblem", () => {
  it("accepts an ordered range in the past", () => {
    expect(customRangeProblem("2026-03-10T10:00Z", "2026-03-10T11:00Z", NOW)).toBeNull();
    expect(customRangeProblem(String(NOW - 60_000), undefined, NOW)).toBeNull();
  });
  it("refuses From after or equal to To, naming the fields", () => {
    expect(customRangeProblem("2026-03-10T11:00Z", "2026-03-10T10:00Z", NOW)).toBe("From must be before To.");
    expect(customRangeProblem("2026-03-10T10:00Z", "2026-03-10T10:00Z", NOW)).toBe("From must be before To.");
  });
  it("refuses missing, unparseable and future starts", () => {
    expect(customRangeProblem(undefined, "2026-03-10T10:00Z", NOW)).toBe("Pick a start (From).");
    expect(customRangeProblem("yesterday-ish", undefined, NOW)).toBe("From is not a valid date.");
    expect(customRangeProblem("2026-03-10T10:00Z", "soon", NOW)).toBe("To is not a valid date.");
    expect(customRangeProblem("2026-03-11T10:00Z", "2026-03-12T10:00Z", NOW)).toBe("From is in the future.");
  });
});

describe("resolveWindow", () => {
  it("uses a valid custom range as given", () => {
    const r = timeRangeSchema.parse({ range: "custom", from: "2026-03-10T10:00Z", to: "2026-03-10T11:00Z" });
    expect(resolveWindow(r, NOW)).toEqual({ from: Date.parse("2026-03-10T10:00Z"), to: Date.parse("2026-03-10T11:00Z"), interval: "1m" });
  });
  it("falls back to the last 24 h for an invalid one and the label says so", () => {
    const r = timeRangeSchema.parse({ range: "custom", from: "2026-03-10T11:00Z", to: "2026-03-10T10:00Z" });
    expect(resolveWindow(r, NOW)).toEqual({ from: NOW - 86_400_000, to: NOW, interval: "1h" });
    expect(rangeLabel(r)).toMatch(/invalid/);
  });
});
