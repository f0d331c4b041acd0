import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { alertRule } from "./alert-rule";
import { project } from "./project";

export const INCIDENT_STATES = ["pending", "firing", "recovering", "no_data", "resolved"] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];

export interface IncidentHistoryEntry {
  at: number;
  kind: string;
  from: string;
  to: string;
  severity: string | null;
  value: number | null;
}

/**
 * One episode of a (rule, group) away from ok, from pending to resolved. The open row IS the
 * state machine's memory (lib/alerts/evaluate/step.ts); no row means ok. A pending episode
 * that never fired ends resolved with `firedAt` null.
 */
export const alertIncident = sqliteTable(
  "alert_incident",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    ruleId: integer("rule_id")
      .notNull()
      .references(() => alertRule.id, { onDelete: "cascade" }),
    /** "" for an ungrouped rule, otherwise the group's key (e.g. "model=gpt-4o"). */
    groupKey: text("group_key").notNull(),
    labels: text("labels", { mode: "json" }).$type<Record<string, string>>().notNull(),
    state: text("state", { enum: INCIDENT_STATES }).notNull(),
    severity: text("severity", { enum: ["warning", "critical"] }),
    value: real("value"),
    stateSince: integer("state_since").notNull(),
    pendingSince: integer("pending_since"),
    recoveringSince: integer("recovering_since"),
    startedAt: integer("started_at").notNull(),
    firedAt: integer("fired_at"),
    resolvedAt: integer("resolved_at"),
    lastNotifiedAt: integer("last_notified_at"),
    lastSamples: integer("last_samples").notNull().default(0),
    acknowledgedAt: integer("acknowledged_at"),
    acknowledgedBy: text("acknowledged_by"),
    history: text("history", { mode: "json" }).$type<IncidentHistoryEntry[]>().notNull(),
  },
  (t) => [
    // At most one open episode per (rule, group): evaluation updates it in place.
    uniqueIndex("alert_incident_open_uq").on(t.ruleId, t.groupKey).where(sql`resolved_at IS NULL`),
    index("alert_incident_project_idx").on(t.projectId, t.startedAt),
  ],
);
