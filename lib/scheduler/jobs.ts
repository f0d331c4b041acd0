import type { Db } from "@/db/client";
import { pruneMinuteRollups } from "@/lib/metrics/prune-rollups";

/**
 * Periodic work of one Sightline instance. Alert evaluation, the webhook outbox and retention
 * will register here. With several instances on PostgreSQL, each job will take a lease row
 * before running so that only one instance runs it (docs/adr/0003-scheduler.md).
 */
export interface Job {
  name: string;
  everyMs: number;
  run(db: Db, now: number): unknown;
}

export const JOBS: Job[] = [{ name: "prune-minute-rollups", everyMs: 3_600_000, run: (db, now) => pruneMinuteRollups(db, now) }];
