import { describe, expect, it } from "vitest";
import { RESOLUTIONS } from "@/db/schema";
import { INTERVAL_MS, parseInstant, resolveWindow, rollupRange, windowQuerySchema } from "./ranges";

describe("time module", () => {
  it("keeps chart intervals equal to the rollup resolutions", () => {
    expect(INTERVAL_MS).toEqual({ "1m": RESOLUTIONS.minute, "1h": RESOLUTIONS.hour, "1d": RESOLUTIONS.day });
  });

  it("parses ISO 8601 and epoch-ms instants, and nothing else", () => {
    expect(parseInstant("1732786400000")).toBe(1732786400000);
    expect(parseInstant("2024-11-28T09:33:20Z")).toBe(Date.UTC(2024, 10, 28, 9, 33, 20));
    expect(parseInstant("yesterday")).toBeNull();
    expect(parseInstant("")).toBeNull();
  });

  it("resolves a preset, a custom range, and falls back to 24 h for a broken one", () => {
    const now = 1_000_000_000_000;
    expect(resolveWindow({ range: "1h", refresh: 0 }, now)).toEqual({ from: now - 3_600_000, to: now, interval: "1m" });
    expect(resolveWindow({ range: "custom", from: String(now - 10 * 86_400_000), to: String(now), refresh: 0 }, now).interval).toBe("1d");
    expect(resolveWindow({ range: "custom", from: String(now), to: String(now - 1), refresh: 0 }, now)).toEqual({ from: now - 86_400_000, to: now, interval: "1h" });
  });

  it("covers a range with whole buckets of the chosen resolution", () => {
    expect(rollupRange(90_000, 7_300_000, "1h")).toEqual({ interval: "1h", resolution: 3_600_000, firstBucket: 0, lastBucket: 7_200_000 });
  });

  it("refuses a window query whose from is not before to, naming the field", () => {
    const r = windowQuerySchema.safeParse({ from: "2000", to: "1000" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].path).toEqual(["from"]);
  });
});
