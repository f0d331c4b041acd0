import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { project } from "./project";

export const REPRICE_STATUSES = ["queued", "running", "done", "failed"] as const;
export type RepriceStatus = (typeof REPRICE_STATUSES)[number];

/**
 * A request to recompute the stored costs (events and rollups) of a past range at the current
 * price book. The scheduler works through it in bounded batches (lib/pricing/reprice-batch.ts);
 * `cursor` is the last event key done, so a restarted process resumes where it stopped.
 */
export const repriceJob = sqliteTable("reprice_job", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  projectId: integer("project_id")
    .notNull()
    .references(() => project.id, { onDelete: "cascade" }),
  fromTs: integer("from_ts").notNull(),
  toTs: integer("to_ts").notNull(),
  /** Only events of this model name (exact), or all when null. */
  model: text("model"),
  status: text("status", { enum: REPRICE_STATUSES }).notNull(),
  /** Event key the next batch starts after (0: from the range's start). */
  cursor: integer("cursor").notNull().default(0),
  /** Events examined, and those whose cost changed. */
  processed: integer("processed").notNull().default(0),
  changed: integer("changed").notNull().default(0),
  error: text("error"),
  requestedBy: text("requested_by").notNull(),
  createdAt: integer("created_at").notNull(),
  startedAt: integer("started_at"),
  finishedAt: integer("finished_at"),
});
