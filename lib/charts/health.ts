export type Health = "ok" | "warn" | "bad" | "idle";

export interface HealthInput {
  count: number;
  errorRate: number | null;
  hallucinationRate?: number | null;
  driftStatus?: "ok" | "warn" | "bad" | null;
}

/** Thresholds for the status colour on the overview; deliberately simple until alert rules exist. */
export const HEALTH_THRESHOLDS = {
  errorRate: { warn: 0.02, bad: 0.05 },
  hallucinationRate: { warn: 0.05, bad: 0.1 },
} as const;

export function healthOf(row: HealthInput): Health {
  if (row.count === 0) return "idle";
  const levels: Health[] = [
    level(row.errorRate, HEALTH_THRESHOLDS.errorRate),
    level(row.hallucinationRate ?? null, HEALTH_THRESHOLDS.hallucinationRate),
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
