import { integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { project } from "./project";

export const BUDGET_SCOPES = ["project", "user", "tag"] as const;
export const BUDGET_WINDOWS = ["day", "week", "month"] as const;

/**
 * A spend limit over a rolling window (the last 1, 7 or 30 days): for the whole project, one
 * end user (`subject` = the events' userId) or one tag (`subject` = the tag). Its state
 * (ok / warning / exceeded) is computed when read (lib/spend/budget-status.ts).
 */
export const budget = sqliteTable("budget", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  projectId: integer("project_id")
    .notNull()
    .references(() => project.id, { onDelete: "cascade" }),
  scope: text("scope", { enum: BUDGET_SCOPES }).notNull(),
  /** The user id or tag; null for a project budget. */
  subject: text("subject"),
  window: text("window", { enum: BUDGET_WINDOWS }).notNull(),
  limitUsd: real("limit_usd").notNull(),
  /** Share of the limit from which the budget is in warning (0–1). */
  warnAt: real("warn_at").notNull().default(0.8),
  createdBy: text("created_by").notNull(),
  createdAt: integer("created_at").notNull(),
});
