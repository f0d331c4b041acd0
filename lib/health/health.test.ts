import { describe, expect, it } from "vitest";
import { describeThresholds, driftStatusOf, HEALTH_MIN_SAMPLE, HEALTH_THRESHOLDS, healthOf, rateLevel } from "./health";

describe("healthOf", () => {
  it("idle without traffic", () => expect(healthOf({ count: 0, errorRate: null })).toBe("idle"));
  it("worst signal wins", () => {
    expect(healthOf({ count: 100, errorRate: 0.01 })).toBe("ok");
    expect(healthOf({ count: 100, errorRate: 0.03 })).toBe("warn");
    expect(healthOf({ count: 100, errorRate: 0.01, hallucinationRate: 0.2 })).toBe("bad");
    expect(healthOf({ count: 10, errorRate: 0, driftStatus: "warn" })).toBe("warn");
  });
  it("needs a minimum sample before a rate degrades the status", () => {
    // 1 error in 9 calls is 11 %: too few calls to call the model failing.
    expect(healthOf({ count: 9, errorRate: 1 / 9 })).toBe("ok");
    expect(healthOf({ count: HEALTH_MIN_SAMPLE - 1, errorRate: 0.5 })).toBe("ok");
    expect(healthOf({ count: HEALTH_MIN_SAMPLE, errorRate: 0.5 })).toBe("bad");
    // The hallucination rate's sample is the judged calls, not all calls.
    expect(healthOf({ count: 1000, errorRate: 0, hallucinationRate: 0.5, judgedCount: 12 })).toBe("ok");
    expect(healthOf({ count: 1000, errorRate: 0, hallucinationRate: 0.5, judgedCount: 40 })).toBe("bad");
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
    expect(describeThresholds()).toBe("error rate ≥ 2 % / 5 %, hallucination rate ≥ 5 % / 10 % (rates from 30 calls on), drift PSI ≥ 0.1 / 0.25");
  });
  it("colours a rate as the health rule does", () => {
    expect(rateLevel("errorRate", HEALTH_THRESHOLDS.errorRate.bad)).toBe("bad");
    expect(rateLevel("errorRate", 0.03)).toBe("warn");
    expect(rateLevel("hallucinationRate", null)).toBe("ok");
  });
});
