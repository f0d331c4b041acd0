import type { Db } from "@/db/client";
import { computeDriftWindows } from "@/lib/drift/compute-drift-windows";
import { alertJobs } from "@/lib/alerts/jobs";
import { pruneMinuteRollups } from "@/lib/metrics/prune-rollups";
import { runRepriceJobs } from "@/lib/pricing/run-reprice-jobs";
import { routeNewEvents } from "@/lib/review/route-events";
import { enforceRetention } from "@/lib/governance/enforce-retention";
import { prepareEventPartitions, pruneIdempotencyWindow } from "@/lib/ingest/maintain-event-storage";
import { inheritRootAttributes } from "@/lib/otlp/inherit-root-attributes";

/** What a job run receives. `signal` aborts when the process shuts down: long jobs check it between batches. */
export interface JobContext {
  db: Db;
  now: number;
  signal: AbortSignal;
}

/**
 * Periodic work shared by every instance on one database: each run first takes the job's
 * lease row (lib/scheduler/lease.ts), so exactly one process runs it per interval. Alert
 * evaluation, the webhook outbox, drift windows and retention register here
 * (docs/adr/0027-scheduler-leases.md).
 */
export interface Job {
  name: string;
  everyMs: number;
  /** How long a run may hold the lease before another process may take the job over (default 5 min). */
  leaseMs?: number;
  run(ctx: JobContext): Promise<void>;
}

export const JOBS: Job[] = [
  {
    name: "prune-minute-rollups",
    everyMs: 3_600_000,
    run: async ({ db, now }) => {
      await pruneMinuteRollups(db, now);
    },
  },
  {
    // Re-pricing requests (POST /api/v1/prices/reprice): bounded batches, resumable (lib/pricing/run-reprice-jobs.ts).
    name: "reprice",
    everyMs: 5_000,
    leaseMs: 60_000,
    run: async ({ db, signal }) => {
      await runRepriceJobs(db, { now: Date.now, signal });
    },
  },
  {
    // Hour and day drift windows per ML model, stored for charts and the alerts' drift_share / feature_drift.
    name: "compute-drift-windows",
    everyMs: 10 * 60_000,
    leaseMs: 15 * 60_000,
    run: async ({ db, now, signal }) => {
      await computeDriftWindows(db, now, signal);
    },
  },
  {
    // Review routing (docs/adr/0032): new events matching a queue's rule enter it within about
    // one interval, without any work on the ingest path.
    name: "review-routing",
    everyMs: 5_000,
    leaseMs: 60_000,
    run: async ({ db, now, signal }) => {
      await routeNewEvents(db, now, signal);
    },
  },
  {
    // Root span attributes (user, session, environment, tags) for spans stored in another OTLP
    // export than their root (lib/otlp/inherit-root-attributes.ts); ingest only enqueues the traces.
    name: "trace-root-attributes",
    everyMs: 5_000,
    leaseMs: 60_000,
    run: async ({ db, now, signal }) => {
      await inheritRootAttributes(db, now, signal);
    },
  },
  // Alert evaluation (every SIGHTLINE_EVAL_INTERVAL_S) and the notification outbox.
  ...alertJobs(),
  {
    // Per-project maximum age of raw events (settings); bounded batches, continues next run.
    name: "retention",
    everyMs: 10 * 60_000,
    run: async ({ db, now, signal }) => {
      await enforceRetention(db, now, signal);
    },
  },
  {
    // PostgreSQL: the coming days' event partitions (docs/adr/0048); nothing on SQLite.
    name: "event-partitions",
    everyMs: 3_600_000,
    run: async ({ db, now }) => {
      await prepareEventPartitions(db, now);
    },
  },
  {
    // PostgreSQL: idempotency claims older than SIGHTLINE_IDEMPOTENCY_WINDOW_DAYS; nothing on SQLite.
    name: "prune-idempotency",
    everyMs: 3_600_000,
    run: async ({ db, now }) => {
      await pruneIdempotencyWindow(db, now);
    },
  },
];
