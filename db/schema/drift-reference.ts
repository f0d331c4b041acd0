import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

export const DRIFT_REFERENCE_KINDS = ["window", "version", "dataset"] as const;
export type DriftReferenceKind = (typeof DRIFT_REFERENCE_KINDS)[number];

/**
 * The baseline a model's drift is measured against, per model and optionally per model version
 * (`model_version_id` 0 = the whole model, so the unique index also covers "no version"):
 * a fixed time window of production predictions, all predictions of one model version, or an
 * uploaded dataset (rows in `reference_row`). Without one, drift uses the previous window.
 */
export const driftReference = sqliteTable(
  "drift_reference",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id").notNull(),
    modelId: integer("model_id").notNull(),
    modelVersionId: integer("model_version_id").notNull().default(0),
    kind: text("kind", { enum: DRIFT_REFERENCE_KINDS }).notNull(),
    fromTs: integer("from_ts"),
    toTs: integer("to_ts"),
    /** For kind "version": the version whose predictions are the reference. */
    sourceVersionId: integer("source_version_id"),
    /** For kind "dataset": its name as uploaded (linked to a version's training dataset by name). */
    datasetName: text("dataset_name"),
    rowCount: integer("row_count"),
    createdAt: integer("created_at").notNull(),
    createdBy: text("created_by").notNull(),
  },
  (t) => [uniqueIndex("drift_reference_model_uq").on(t.projectId, t.modelId, t.modelVersionId)],
);

/** Rows of an uploaded reference dataset (kind "dataset"), in upload order. */
export const referenceRow = sqliteTable("reference_row", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  referenceId: integer("reference_id")
    .notNull()
    .references(() => driftReference.id, { onDelete: "cascade" }),
  /** JSON object feature → value. */
  features: text("features").notNull(),
  predictionNum: integer("prediction_num"),
  predictionText: text("prediction_text"),
});
