import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Late ground truth for a prediction. The raw record is also in `event` (type "label"). */
export const label = sqliteTable(
  "label",
  {
    eventId: integer("event_id").primaryKey(),
    projectId: integer("project_id").notNull(),
    /** Client id of the prediction; kept even when the prediction has not arrived yet. */
    targetClientId: text("target_client_id").notNull(),
    /** Resolved `event.id` of the prediction, null until it is known. */
    targetEventId: integer("target_event_id"),
    valueText: text("value_text"),
    valueNum: real("value_num"),
    ts: integer("ts").notNull(),
  },
  (t) => [index("label_target_idx").on(t.projectId, t.targetClientId)],
);
