import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * One row per scheduled job, shared by every process on the database: the lease (who runs it
 * now, until when) and the fleet-wide schedule (when it is next due). A process runs a job
 * only after winning one conditional UPDATE of this row (lib/scheduler/lease.ts), so several
 * instances never run the same job at once and a due job runs once per interval in all.
 */
export const jobLease = sqliteTable("job_lease", {
  name: text("name").primaryKey(),
  /** `host:pid:random` of the process running the job; null when nobody is. */
  holder: text("holder"),
  leaseExpiresAt: integer("lease_expires_at").notNull(),
  nextRunAt: integer("next_run_at").notNull(),
  lastStartedAt: integer("last_started_at"),
  lastFinishedAt: integer("last_finished_at"),
  /** Message of the last failed run, cleared by the next success. */
  lastError: text("last_error"),
});
