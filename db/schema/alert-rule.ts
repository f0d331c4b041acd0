import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { project } from "./project";

export interface AlertRuleScope {
  model?: string;
  modelVersion?: string;
  promptId?: string;
  promptVersion?: number;
  environment?: string;
  userId?: string;
  feature?: string;
  queueId?: number;
  budgetId?: number;
}

/** A metric, a scope, thresholds and timings (lib/alerts/rules/rule-schema.ts documents each). */
export const alertRule = sqliteTable(
  "alert_rule",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    metric: text("metric").notNull(),
    scope: text("scope", { mode: "json" }).$type<AlertRuleScope>().notNull(),
    groupBy: text("group_by"),
    windowSeconds: integer("window_seconds").notNull(),
    comparator: text("comparator").notNull(),
    threshold: real("threshold").notNull(),
    warningThreshold: real("warning_threshold"),
    recoveryThreshold: real("recovery_threshold"),
    warningRecoveryThreshold: real("warning_recovery_threshold"),
    pendingSeconds: integer("pending_seconds").notNull().default(0),
    keepFiringSeconds: integer("keep_firing_seconds").notNull().default(0),
    minSamples: integer("min_samples").notNull().default(0),
    noData: text("no_data").notNull().default("ignore"),
    /** previous_window | last_week, or null for absolute thresholds. */
    relativeBaseline: text("relative_baseline"),
    renotifySeconds: integer("renotify_seconds"),
    /** Channel ids; a small list read with the rule, never queried by element. */
    channelIds: text("channel_ids", { mode: "json" }).$type<number[]>().notNull(),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    lastEvaluatedAt: integer("last_evaluated_at"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("alert_rule_project_idx").on(t.projectId)],
);
