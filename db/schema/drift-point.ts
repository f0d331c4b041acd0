import { integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";

/** Resolution of a stored drift window, in ms (one hour, one day). */
export const DRIFT_RESOLUTIONS = [3_600_000, 86_400_000] as const;

/**
 * Drift computed by the scheduler per model and window (hour, day), so it can be charted and
 * alerted on without recomputing. One row per feature, plus `feature = ""` for the dataset
 * (its `statistic` is the drift share). Recomputing a window replaces its rows.
 */
export const driftPoint = sqliteTable(
  "drift_point",
  {
    projectId: integer("project_id").notNull(),
    modelId: integer("model_id").notNull(),
    resolution: integer("resolution").notNull(),
    bucket: integer("bucket").notNull(),
    feature: text("feature").notNull(),
    method: text("method").notNull(),
    statistic: real("statistic"),
    pValue: real("p_value"),
    drifted: integer("drifted").notNull(),
    referenceCount: integer("reference_count").notNull(),
    currentCount: integer("current_count").notNull(),
    computedAt: integer("computed_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.modelId, t.resolution, t.bucket, t.feature] })],
);
