import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { alertChannel } from "./alert-channel";
import { project } from "./project";

export const NOTIFICATION_STATUSES = ["pending", "delivered", "failed", "silenced"] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/**
 * The outbox. A row is written in the same transaction as the incident transition it reports,
 * so a crash can never record a transition without its notification (or the reverse). Its id
 * is stable across retries and restarts and is sent as `webhook-id`.
 */
export const alertNotification = sqliteTable(
  "alert_notification",
  {
    id: text("id").primaryKey(),
    projectId: integer("project_id")
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    channelId: integer("channel_id")
      .notNull()
      .references(() => alertChannel.id, { onDelete: "cascade" }),
    incidentId: integer("incident_id"),
    ruleId: integer("rule_id"),
    kind: text("kind").notNull(),
    /** The frozen AlertEvent (lib/alerts/delivery/alert-event.ts). */
    event: text("event", { mode: "json" }).notNull(),
    status: text("status", { enum: NOTIFICATION_STATUSES }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at").notNull(),
    /** Set while a worker is sending; a claim older than the lease is taken over after a crash. */
    claimedUntil: integer("claimed_until"),
    lastError: text("last_error"),
    createdAt: integer("created_at").notNull(),
    finishedAt: integer("finished_at"),
  },
  (t) => [
    index("alert_notification_due_idx").on(t.status, t.nextAttemptAt),
    index("alert_notification_incident_idx").on(t.incidentId),
  ],
);
