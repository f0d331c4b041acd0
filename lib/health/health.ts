export type Health = "ok" | "warn" | "bad" | "idle";

export interface HealthInput {
  count: number;
  errorRate: number | null;
  hallucinationRate?: number | null;
  /** LLM calls a judge scored: the hallucination rate's sample (defaults to `count`). */
  judgedCount?: number;
  driftStatus?: "ok" | "warn" | "bad" | null;
}

/**
 * The health rules of a model or prompt: one module, read by the overview service (which
 * computes each row's health) and by the UI (which explains the thresholds and colours stat
 * cards with the same numbers). Deliberately simple; alert rules are the configurable kind.
 */
export const HEALTH_THRESHOLDS = {
  errorRate: { warn: 0.02, bad: 0.05 },
  hallucinationRate: { warn: 0.05, bad: 0.1 },
  /** Largest recent PSI across features: the usual 0.1 / 0.25 rule of thumb. */
  driftPsi: { warn: 0.1, bad: 0.25 },
} as const;

/**
 * Calls (for the error rate) or judged calls (for the hallucination rate) a rate needs before it
 * may degrade a status: 1 error in 9 calls is 11 %, which says little. Below it the rate is
 * shown, but the status stays healthy.
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

/** Drift status from the largest recent PSI across features. */
export function driftStatusOf(maxPsi: number | null): "ok" | "warn" | "bad" | null {
  if (maxPsi === null) return null;
  return level(maxPsi, HEALTH_THRESHOLDS.driftPsi) as "ok" | "warn" | "bad";
}

/** The tone of one rate against its thresholds (stat cards). */
export function rateLevel(metric: "errorRate" | "hallucinationRate", v: number | null): "ok" | "warn" | "bad" {
  return level(v, HEALTH_THRESHOLDS[metric]) as "ok" | "warn" | "bad";
}

/** The text colour class of a level (ok stays neutral). */
export function levelClass(level: "ok" | "warn" | "bad"): string | false {
  return level === "bad" ? "text-bad" : level === "warn" ? "text-warn" : false;
}

const pct = (v: number) => +(v * 100).toFixed(2);

/** "error rate ≥ 2 % / 5 %, …": the thresholds (and the sample they need) as the UI explains them. */
export function describeThresholds(): string {
  const t = HEALTH_THRESHOLDS;
  return [
    `error rate ≥ ${pct(t.errorRate.warn)} % / ${pct(t.errorRate.bad)} %`,
    `hallucination rate ≥ ${pct(t.hallucinationRate.warn)} % / ${pct(t.hallucinationRate.bad)} % (rates from ${HEALTH_MIN_SAMPLE} calls on)`,
    `drift PSI ≥ ${t.driftPsi.warn} / ${t.driftPsi.bad}`,
  ].join(", ");
}
