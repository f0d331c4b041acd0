import { describe, expect, it } from "vitest";
import { describeThresholds, driftStatusOf, HEALTH_THRESHOLDS, healthOf, rateLevel } from "./health";

describe("healthOf", () => {
  it("idle without traffic", () => expect(healthOf({ count: 0, errorRate: null })).toBe("idle"));
  it("worst signal wins", () => {
    expect(healthOf({ count: 10, errorRate: 0.01 })).toBe("ok");
    expect(healthOf({ count: 10, errorRate: 0.03 })).toBe("warn");
    expect(healthOf({ count: 10, errorRate: 0.01, hallucinationRate: 0.2 })).toBe("bad");
    expect(healthOf({ count: 10, errorRate: 0, driftStatus: "warn" })).toBe("warn");
  });
  it("drift status from PSI", () => {
    expect(driftStatusOf(null)).toBeNull();
    expect(driftStatusOf(0.05)).toBe("ok");
    expect(driftStatusOf(0.12)).toBe("warn");
    expect(driftStatusOf(0.3)).toBe("bad");
  });
});

describe("thresholds as the UI shows them", () => {
  it("describes the same numbers the rules use", () => {
    expect(describeThresholds()).toBe("error rate ≥ 2 % / 5 %, hallucination rate ≥ 5 % / 10 %, drift PSI ≥ 0.1 / 0.25");
  });
  it("colours a rate as the health rule does", () => {
    expect(rateLevel("errorRate", HEALTH_THRESHOLDS.errorRate.bad)).toBe("bad");
    expect(rateLevel("errorRate", 0.03)).toBe("warn");
    expect(rateLevel("hallucinationRate", null)).toBe("ok");
  });
});
