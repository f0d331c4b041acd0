import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { modelVersion } from "./model";

/** Where a model version came from: training data, code, run, parent and free tags. */
export const modelLineage = sqliteTable("model_lineage", {
  modelVersionId: integer("model_version_id")
    .primaryKey()
    .references(() => modelVersion.id, { onDelete: "cascade" }),
  projectId: integer("project_id").notNull(),
  datasetName: text("dataset_name"),
  /** A version label or a content hash, as the training pipeline names it. */
  datasetVersion: text("dataset_version"),
  datasetRows: integer("dataset_rows"),
  gitCommit: text("git_commit"),
  repositoryUrl: text("repository_url"),
  trainingRunUrl: text("training_run_url"),
  parentVersion: text("parent_version"),
  /** JSON object of string → string. */
  tags: text("tags").notNull().default("{}"),
  updatedAt: integer("updated_at").notNull(),
  updatedBy: text("updated_by").notNull(),
});
