import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { alertNotification } from "./alert-notification";
import { project } from "./project";

/** One HTTP attempt at a notification: the delivery log. */
export const alertDelivery = sqliteTable(
  "alert_delivery",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    notificationId: text("notification_id")
      .notNull()
      .references(() => alertNotification.id, { onDelete: "cascade" }),
    channelId: integer("channel_id").notNull(),
    attempt: integer("attempt").notNull(),
    at: integer("at").notNull(),
    statusCode: integer("status_code"),
    latencyMs: integer("latency_ms").notNull(),
    /** delivered | retry | failed */
    outcome: text("outcome").notNull(),
    error: text("error"),
    responseExcerpt: text("response_excerpt"),
  },
  (t) => [index("alert_delivery_project_idx").on(t.projectId, t.at), index("alert_delivery_notification_idx").on(t.notificationId)],
);
