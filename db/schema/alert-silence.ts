import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { project } from "./project";

/**
 * Mutes notifications until `endsAt` for a rule, an incident, or every incident whose labels
 * include `matchLabels` (a scope such as {model: "gpt-4o"}). Evaluation goes on; the outbox
 * row is written as "silenced" so the history shows what was held back.
 */
export const alertSilence = sqliteTable(
  "alert_silence",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    ruleId: integer("rule_id"),
    incidentId: integer("incident_id"),
    matchLabels: text("match_labels", { mode: "json" }).$type<Record<string, string>>().notNull(),
    startsAt: integer("starts_at").notNull(),
    endsAt: integer("ends_at").notNull(),
    reason: text("reason").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("alert_silence_project_idx").on(t.projectId, t.endsAt)],
);
