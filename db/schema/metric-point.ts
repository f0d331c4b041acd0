import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Client-reported metrics (drift scores, offline accuracy …). The raw record is also in `event`. */
export const metricPoint = sqliteTable(
  "metric_point",
  {
    eventId: integer("event_id").primaryKey(),
    projectId: integer("project_id").notNull(),
    modelId: integer("model_id").notNull(),
    modelVersionId: integer("model_version_id"),
    name: text("name").notNull(),
    feature: text("feature"),
    value: real("value").notNull(),
    ts: integer("ts").notNull(),
  },
  (t) => [index("metric_point_lookup_idx").on(t.projectId, t.modelId, t.name, t.ts)],
);
