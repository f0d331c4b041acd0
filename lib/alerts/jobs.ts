import { intEnv } from "@/lib/config/env";
import type { Job } from "@/lib/scheduler/jobs";
import { deliverDueNotifications } from "./delivery/deliver-due";
import { EVALUATE_JOB, evaluateAllRules } from "./evaluate/evaluate-rules";

/** Seconds between evaluation passes (SIGHTLINE_EVAL_INTERVAL_S, default 30). */
export function evalIntervalMs(): number {
  const s = intEnv("SIGHTLINE_EVAL_INTERVAL_S", 30);
  if (s < 1) throw new Error(`SIGHTLINE_EVAL_INTERVAL_S must be at least 1, got ${s}`);
  return s * 1000;
}

/** Outbox polling: short, so a notification leaves within seconds of its transition and a 429's Retry-After is honoured closely. */
export const DELIVER_EVERY_MS = 2_000;

export const alertJobs = (): Job[] => [
  {
    name: EVALUATE_JOB,
    everyMs: evalIntervalMs(),
    run: async ({ db, now, signal }) => {
      await evaluateAllRules(db, now, signal);
      // Send what this pass wrote without waiting for the delivery tick.
      await deliverDueNotifications(db, Date.now());
    },
  },
  {
    name: "alert-deliver",
    everyMs: DELIVER_EVERY_MS,
    // Longer than one batch of 10 s timeouts would take to be safe from a takeover mid-batch.
    leaseMs: 15 * 60_000,
    run: async ({ db, now }) => {
      await deliverDueNotifications(db, now);
    },
  },
];
