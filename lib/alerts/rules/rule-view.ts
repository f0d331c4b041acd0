import { z } from "zod";
import type { alertRule } from "@/db/schema";
import type { StepRule } from "@/lib/alerts/evaluate/step";
import { BASELINES, COMPARATORS, GROUP_BY, METRIC_NAMES, NO_DATA_POLICIES, ruleScopeSchema, type Comparator, type GroupBy, type MetricName, type NoDataPolicy } from "./rule-schema";

type RuleRow = typeof alertRule.$inferSelect;

/** The public shape of a rule (API responses, the UI). */
export const alertRuleSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  metric: z.enum(METRIC_NAMES),
  scope: ruleScopeSchema,
  groupBy: z.enum(GROUP_BY).nullable(),
  windowSeconds: z.number().int(),
  comparator: z.enum(COMPARATORS),
  threshold: z.number(),
  warningThreshold: z.number().nullable(),
  recoveryThreshold: z.number().nullable(),
  warningRecoveryThreshold: z.number().nullable(),
  pendingSeconds: z.number().int(),
  keepFiringSeconds: z.number().int(),
  minSamples: z.number().int(),
  noData: z.enum(NO_DATA_POLICIES),
  relative: z.object({ baseline: z.enum(BASELINES) }).nullable(),
  renotifySeconds: z.number().int().nullable(),
  channelIds: z.array(z.number().int()),
  enabled: z.boolean(),
  lastEvaluatedAt: z.number().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type AlertRule = z.infer<typeof alertRuleSchema>;

export function toAlertRule(r: RuleRow): AlertRule {
  return {
    id: r.id, name: r.name, metric: r.metric as MetricName, scope: r.scope, groupBy: (r.groupBy as GroupBy | null) ?? null,
    windowSeconds: r.windowSeconds, comparator: r.comparator as Comparator, threshold: r.threshold,
    warningThreshold: r.warningThreshold, recoveryThreshold: r.recoveryThreshold, warningRecoveryThreshold: r.warningRecoveryThreshold,
    pendingSeconds: r.pendingSeconds, keepFiringSeconds: r.keepFiringSeconds, minSamples: r.minSamples, noData: r.noData as NoDataPolicy,
    relative: r.relativeBaseline ? { baseline: r.relativeBaseline as (typeof BASELINES)[number] } : null,
    renotifySeconds: r.renotifySeconds, channelIds: r.channelIds, enabled: r.enabled, lastEvaluatedAt: r.lastEvaluatedAt,
    createdAt: r.createdAt, updatedAt: r.updatedAt,
  };
}

export function stepRuleOf(r: Pick<AlertRule, "comparator" | "threshold" | "warningThreshold" | "recoveryThreshold" | "warningRecoveryThreshold" | "pendingSeconds" | "keepFiringSeconds" | "minSamples" | "noData" | "renotifySeconds">): StepRule {
  return {
    comparator: r.comparator, threshold: r.threshold, warningThreshold: r.warningThreshold, recoveryThreshold: r.recoveryThreshold,
    warningRecoveryThreshold: r.warningRecoveryThreshold, pendingSeconds: r.pendingSeconds, keepFiringSeconds: r.keepFiringSeconds,
    minSamples: r.minSamples, noData: r.noData, renotifySeconds: r.renotifySeconds,
  };
}

/** The scope as message context labels (model, prompt version…), strings only. */
export function scopeLabels(scope: AlertRule["scope"]): Record<string, string> {
  return Object.fromEntries(Object.entries(scope).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
}
