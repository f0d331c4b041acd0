import { formatPercent } from "@/lib/charts/format";

export type Health = "ok" | "warn" | "bad" | "idle";

export interface HealthInput {
  count: number;
  errorRate: number | null;
  hallucinationRate?: number | null;
  /** Calls a judge scored; the hallucination rate's sample. */
  judgedCount?: number;
  driftStatus?: "ok" | "warn" | "bad" | null;
}

/** Thresholds for the status colour on the overview; deliberately simple until alert rules exist. */
export const HEALTH_THRESHOLDS = {
  errorRate: { warn: 0.02, bad: 0.05 },
  hallucinationRate: { warn: 0.05, bad: 0.1 },
} as const;

/**
 * Calls (for the error rate) or judged calls (for the hallucination rate) needed before a rate
 * may degrade a status: 1 error in 9 calls is 11 %, which says little. Below it the rate is
 * shown but the status stays healthy.
 */
export const HEALTH_MIN_SAMPLE = 30;

export function healthOf(row: HealthInput): Health {
  if (row.count === 0) return "idle";
  const levels: Health[] = [
    row.count >= HEALTH_MIN_SAMPLE ? level(row.errorRate, HEALTH_THRESHOLDS.errorRate) : "ok",
    (row.judgedCount ?? row.count) >= HEALTH_MIN_SAMPLE ? level(row.hallucinationRate ?? null, HEALTH_THRESHOLDS.hallucinationRate) : "ok",
    row.driftStatus ?? "ok",
  ];
  if (levels.includes("bad")) return "bad";
  if (levels.includes("warn")) return "warn";
  return "ok";
}

function level(v: number | null, t: { warn: number; bad: number }): Health {
  if (v === null || !Number.isFinite(v)) return "ok";
  return v >= t.bad ? "bad" : v >= t.warn ? "warn" : "ok";
}

/** Drift status from the largest recent PSI across features (the usual 0.1 / 0.25 rule of thumb). */
export function driftStatusOf(maxPsi: number | null): "ok" | "warn" | "bad" | null {
  if (maxPsi === null) return null;
  return maxPsi >= 0.25 ? "bad" : maxPsi >= 0.1 ? "warn" : "ok";
}

/** The rule in words, next to the status colours, from the same constants that decide them. */
export function healthRuleText(): string {
  const t = HEALTH_THRESHOLDS;
  const p = (v: number) => formatPercent(v, 0);
  return `Status: error rate ≥ ${p(t.errorRate.warn)} / ${p(t.errorRate.bad)}, hallucination rate ≥ ${p(t.hallucinationRate.warn)} / ${p(t.hallucinationRate.bad)} (each from ${HEALTH_MIN_SAMPLE} calls on), drift PSI ≥ 0.1 / 0.25`;
}
