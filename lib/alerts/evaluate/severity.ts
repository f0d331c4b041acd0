import type { Comparator } from "@/lib/alerts/rules/rule-schema";

export type Severity = "warning" | "critical";

export interface ThresholdRule {
  comparator: Comparator;
  threshold: number;
  warningThreshold?: number | null;
  recoveryThreshold?: number | null;
  warningRecoveryThreshold?: number | null;
}

export function breaches(comparator: Comparator, value: number, threshold: number): boolean {
  switch (comparator) {
    case ">":
      return value > threshold;
    case ">=":
      return value >= threshold;
    case "<":
      return value < threshold;
    case "<=":
      return value <= threshold;
  }
}

/**
 * The severity a value deserves, given the severity already active (hysteresis): an active
 * critical level holds while the value still breaches the recovery threshold, and an active
 * incident holds at warning while the value breaches the warning recovery threshold. Without
 * recovery thresholds a level ends as soon as the value stops breaching its threshold.
 */
export function severityOf(rule: ThresholdRule, value: number, active: Severity | null): Severity | null {
  const c = rule.comparator;
  if (breaches(c, value, rule.threshold)) return "critical";
  if (active === "critical" && rule.recoveryThreshold != null && breaches(c, value, rule.recoveryThreshold)) return "critical";
  if (rule.warningThreshold == null) return null;
  if (breaches(c, value, rule.warningThreshold)) return "warning";
  if (active !== null && rule.warningRecoveryThreshold != null && breaches(c, value, rule.warningRecoveryThreshold)) return "warning";
  return null;
}
