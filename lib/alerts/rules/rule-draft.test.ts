import { describe, expect, it } from "vitest";
import { createRuleSchema, updateRuleSchema } from "./rule-schema";
import type { AlertRule } from "./rule-view";
import { draftToBody, draftToPatch, EMPTY_DRAFT, ruleToDraft, validateDraft } from "./rule-draft";

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

describe("editing a rule", () => {
  const saved: AlertRule = {
    id: 7, name: "p95", metric: "latency_p95", scope: { model: "gpt-4o", modelVersion: "2024-08" }, groupBy: "prompt", windowSeconds: 900, comparator: ">",
    threshold: 800, warningThreshold: 500, recoveryThreshold: null, warningRecoveryThreshold: null, pendingSeconds: 60, keepFiringSeconds: 0, minSamples: 10,
    noData: "keep", relative: null, renotifySeconds: null, channelIds: [3], enabled: true, lastEvaluatedAt: null, createdAt: 1, updatedAt: 1,
  };

  it("prefills the draft and round-trips to the same rule, keeping scope the form cannot show", () => {
    const draft = ruleToDraft(saved);
    expect(draft).toMatchObject({ name: "p95", model: "gpt-4o", windowSeconds: "900", threshold: "800", warningThreshold: "500", recoveryThreshold: "", groupBy: "prompt", minSamples: "10", noData: "keep" });
    expect(draftToPatch(draft)).toEqual({
      name: "p95", metric: "latency_p95", scope: { model: "gpt-4o", modelVersion: "2024-08" }, groupBy: "prompt", windowSeconds: 900, comparator: ">", threshold: 800,
      warningThreshold: 500, recoveryThreshold: null, relative: null, pendingSeconds: 60, keepFiringSeconds: 0, minSamples: 10, noData: "keep", channelIds: [3],
    });
  });

  it("sends a cleared optional field as null, so the edit clears it", () => {
    const patch = draftToPatch({ ...ruleToDraft(saved), warningThreshold: "", groupBy: "" });
    expect(patch).toMatchObject({ warningThreshold: null, groupBy: null });
    expect(updateRuleSchema.safeParse(patch).success).toBe(true);
  });
});

describe("validateDraft", () => {
  it("names the form's fields: missing name and threshold, a non-number, a misordered warning", () => {
    const empty = validateDraft({ ...EMPTY_DRAFT, warningThreshold: "x" });
    expect(empty).toEqual({ ok: false, errors: { name: "a rule needs a name", threshold: "enter a number", warningThreshold: "enter a number, or leave empty" } });
    const misordered = validateDraft({ ...EMPTY_DRAFT, name: "r", threshold: "0.05", warningThreshold: "0.1" });
    expect(misordered.ok).toBe(false);
    expect(Object.keys((misordered as { errors: object }).errors)).toEqual(["warningThreshold"]);
    const drift = validateDraft({ ...EMPTY_DRAFT, name: "r", metric: "feature_drift", threshold: "0.2" });
    expect(Object.keys((drift as { errors: object }).errors)).toEqual(["feature"]);
  });

  it("passes a good draft with the body the API takes", () => {
    const r = validateDraft({ ...EMPTY_DRAFT, name: "r", threshold: "0.05" });
    expect(r.ok).toBe(true);
    expect(createRuleSchema.safeParse((r as { body: unknown }).body).success).toBe(true);
  });
});
