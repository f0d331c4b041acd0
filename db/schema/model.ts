import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { project } from "./project";

/** "llm" for generative models, "ml" for classic predictive models. Decided by the first event seen. */
export const MODEL_KINDS = ["llm", "ml"] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

export const model = sqliteTable(
  "model",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: text("kind", { enum: MODEL_KINDS }).notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("model_project_name_uq").on(t.projectId, t.name)],
);

export const modelVersion = sqliteTable(
  "model_version",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    modelId: integer("model_id")
      .notNull()
      .references(() => model.id, { onDelete: "cascade" }),
    version: text("version").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("model_version_model_version_uq").on(t.modelId, t.version)],
);
