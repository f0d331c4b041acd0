import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { project } from "./project";

export const ALERT_CHANNEL_TYPES = ["slack", "webhook", "pagerduty"] as const;
export type AlertChannelType = (typeof ALERT_CHANNEL_TYPES)[number];

/**
 * Where notifications go. The Slack URL, the webhook secret and the PagerDuty routing key are
 * credentials we must send, so they are stored as given (not hashed) and never returned by
 * reads (only the webhook secret, once, in the create response).
 */
export const alertChannel = sqliteTable(
  "alert_channel",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    type: text("type", { enum: ALERT_CHANNEL_TYPES }).notNull(),
    /** Slack/webhook destination; for PagerDuty an override of the Events API URL (tests). */
    url: text("url"),
    secret: text("secret"),
    routingKey: text("routing_key"),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    /** Failed notifications in a row; reaching 5 disables the channel. */
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    disabledAt: integer("disabled_at"),
    disabledReason: text("disabled_reason"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("alert_channel_project_idx").on(t.projectId)],
);
