import { describe, expect, it } from "vitest";
import { createRuleSchema } from "./rule-schema";
import { draftToBody, EMPTY_DRAFT } from "./rule-draft";

describe("draftToBody", () => {
  it("waits for a numeric threshold", () => {
    expect(draftToBody(EMPTY_DRAFT)).toBeNull();
    expect(draftToBody({ ...EMPTY_DRAFT, threshold: "abc" })).toBeNull();
  });

  it("leaves empty optional fields out and produces a body the API schema accepts", () => {
    const body = draftToBody({ ...EMPTY_DRAFT, name: " p95 ", metric: "latency_p95", model: "gpt-4o", threshold: "800", warningThreshold: "500", relative: "", channelIds: [3] });
    expect(body).toEqual({
      name: "p95", metric: "latency_p95", scope: { model: "gpt-4o" }, windowSeconds: 300, comparator: ">", threshold: 800, warningThreshold: 500,
      pendingSeconds: 0, keepFiringSeconds: 0, minSamples: 0, noData: "ignore", channelIds: [3],
    });
    expect(createRuleSchema.safeParse(body).success).toBe(true);
  });

  it("carries group-by and relative mode", () => {
    const body = draftToBody({ ...EMPTY_DRAFT, threshold: "50", groupBy: "model", relative: "last_week" });
    expect(body).toMatchObject({ groupBy: "model", relative: { baseline: "last_week" } });
    expect(createRuleSchema.safeParse(body).success).toBe(true);
  });

  it("sends a feature only with feature_drift and a queue only with review_backlog", () => {
    const drift = draftToBody({ ...EMPTY_DRAFT, metric: "feature_drift", model: "fraud", feature: " amount ", queueId: "4", threshold: "0.2" });
    expect(drift).toMatchObject({ scope: { model: "fraud", feature: "amount" } });
    expect(createRuleSchema.safeParse(drift).success).toBe(true);
    const backlog = draftToBody({ ...EMPTY_DRAFT, metric: "review_backlog", feature: "amount", queueId: "4", threshold: "50" });
    expect(backlog).toMatchObject({ scope: { queueId: 4 } });
    expect(createRuleSchema.safeParse(backlog).success).toBe(true);
    expect(draftToBody({ ...EMPTY_DRAFT, feature: "amount", queueId: "4", threshold: "1" })).toMatchObject({ scope: {} });
  });
});
