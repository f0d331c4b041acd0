import { z } from "zod";

/** Every metric a rule may name. Which of them this build can evaluate: lib/alerts/metrics/index.ts. */
export const METRIC_NAMES = [
  "request_count", "error_rate", "latency_p50", "latency_p95", "latency_p99", "cost_usd", "tokens",
  "hallucination_rate", "confirmed_hallucination_rate", "drift_share", "feature_drift", "accuracy",
  "unpriced_count", "injection_rate", "review_backlog",
] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

export const COMPARATORS = [">", ">=", "<", "<="] as const;
export type Comparator = (typeof COMPARATORS)[number];
export const NO_DATA_POLICIES = ["ignore", "alert", "resolve", "keep"] as const;
export type NoDataPolicy = (typeof NO_DATA_POLICIES)[number];
export const GROUP_BY = ["model", "modelVersion", "prompt", "promptVersion", "user"] as const;
export type GroupBy = (typeof GROUP_BY)[number];
export const BASELINES = ["previous_window", "last_week"] as const;

export const ruleScopeSchema = z
  .object({
    model: z.string().min(1).max(200).optional(),
    modelVersion: z.string().min(1).max(100).optional(),
    promptId: z.string().min(1).max(200).optional(),
    promptVersion: z.number().int().min(1).optional(),
    environment: z.string().min(1).max(100).optional(),
    userId: z.string().min(1).max(200).optional(),
    /** feature_drift only: the feature whose drift statistic is watched. */
    feature: z.string().min(1).max(200).optional(),
    /** review_backlog only: the review queue watched (absent: every queue of the project, summed). */
    queueId: z.number().int().positive().optional(),
    /**
     * cost_usd only: watch a spend budget (lib/spend/budgets.ts). The rule then reads the budget's
     * spend over the budget's own rolling window (1, 7 or 30 days) and scope; windowSeconds is unused.
     */
    budgetId: z.number().int().positive().optional(),
  })
  .strict();
export type RuleScope = z.infer<typeof ruleScopeSchema>;

const seconds = (min: number, max: number) => z.number().int().min(min).max(max);

/** The thresholds and timings the state machine reads (lib/alerts/evaluate/step.ts). */
const ruleFields = {
  name: z.string().trim().min(1).max(200),
  metric: z.enum(METRIC_NAMES),
  scope: ruleScopeSchema,
  groupBy: z.enum(GROUP_BY).nullable().optional(),
  // Minute multiples: rollups are per minute, a 90 s window would silently read 60 or 120.
  windowSeconds: seconds(60, 86_400).refine((s) => s % 60 === 0, "must be a whole number of minutes"),
  comparator: z.enum(COMPARATORS),
  threshold: z.number().finite(),
  warningThreshold: z.number().finite().nullable().optional(),
  recoveryThreshold: z.number().finite().nullable().optional(),
  warningRecoveryThreshold: z.number().finite().nullable().optional(),
  pendingSeconds: seconds(0, 86_400),
  keepFiringSeconds: seconds(0, 86_400),
  minSamples: z.number().int().min(0).max(1_000_000),
  noData: z.enum(NO_DATA_POLICIES),
  relative: z.object({ baseline: z.enum(BASELINES) }).strict().nullable().optional(),
  renotifySeconds: seconds(60, 7 * 86_400).nullable().optional(),
  channelIds: z.array(z.number().int().positive()).max(20),
  enabled: z.boolean(),
};

export const createRuleSchema = z
  .object({
    ...ruleFields,
    scope: ruleFields.scope.default({}),
    pendingSeconds: ruleFields.pendingSeconds.default(0),
    keepFiringSeconds: ruleFields.keepFiringSeconds.default(0),
    minSamples: ruleFields.minSamples.default(0),
    noData: ruleFields.noData.default("ignore"),
    channelIds: ruleFields.channelIds.default([]),
    enabled: ruleFields.enabled.default(true),
  })
  .strict()
  .superRefine(checkThresholds);
export type CreateRuleInput = z.output<typeof createRuleSchema>;

/** PATCH: any subset, no defaults (an absent field keeps its value). */
export const updateRuleSchema = z.object(ruleFields).partial().strict();
export type UpdateRuleInput = z.output<typeof updateRuleSchema>;

export interface ThresholdFields {
  comparator: Comparator;
  threshold: number;
  warningThreshold?: number | null;
  recoveryThreshold?: number | null;
  warningRecoveryThreshold?: number | null;
  metric?: MetricName;
  scope?: RuleScope;
}

/**
 * Thresholds must be ordered the way the comparator points: for ">" a warning is below the
 * critical threshold and a recovery threshold at or below the one it recovers from.
 */
export function checkThresholds(r: ThresholdFields, ctx: z.RefinementCtx): void {
  const up = r.comparator === ">" || r.comparator === ">=";
  const lessSevere = (a: number, b: number) => (up ? a <= b : a >= b);
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (r.warningThreshold != null && !lessSevere(r.warningThreshold, r.threshold)) {
    issue("warningThreshold", `must be ${up ? "at or below" : "at or above"} threshold for comparator ${r.comparator}`);
  }
  if (r.recoveryThreshold != null && !lessSevere(r.recoveryThreshold, r.threshold)) {
    issue("recoveryThreshold", `must be ${up ? "at or below" : "at or above"} threshold for comparator ${r.comparator}`);
  }
  if (r.warningRecoveryThreshold != null) {
    if (r.warningThreshold == null) issue("warningRecoveryThreshold", "needs warningThreshold");
    else if (!lessSevere(r.warningRecoveryThreshold, r.warningThreshold)) {
      issue("warningRecoveryThreshold", `must be ${up ? "at or below" : "at or above"} warningThreshold for comparator ${r.comparator}`);
    }
  }
  if (r.metric === "feature_drift" && !r.scope?.feature) issue("scope.feature", "feature_drift needs scope.feature");
  if (r.scope?.feature !== undefined && r.metric !== undefined && r.metric !== "feature_drift") issue("scope.feature", "only feature_drift rules name a feature");
  if (r.scope?.budgetId !== undefined) {
    if (r.metric !== undefined && r.metric !== "cost_usd") issue("scope.budgetId", "only cost_usd rules watch a budget");
    else if (Object.keys(r.scope).some((k) => k !== "budgetId")) issue("scope.budgetId", "a budget rule takes its scope from the budget: no other scope fields");
  }
  if (r.scope?.queueId !== undefined && r.metric !== undefined && r.metric !== "review_backlog") issue("scope.queueId", "only review_backlog rules name a queue");
}
