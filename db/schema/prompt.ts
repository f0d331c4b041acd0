import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { project } from "./project";

export const prompt = sqliteTable(
  "prompt",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    /** The client-facing identifier (`promptId` in events). */
    key: text("key").notNull(),
    name: text("name"),
    description: text("description"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("prompt_project_key_uq").on(t.projectId, t.key)],
);

export const promptVersion = sqliteTable(
  "prompt_version",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    promptId: integer("prompt_id")
      .notNull()
      .references(() => prompt.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    /** Null when the version was created implicitly by an event that named it. */
    template: text("template"),
    /** Deployment labels such as "production", "staging". "latest" is derived, not stored. */
    labels: text("labels", { mode: "json" }).$type<string[]>().notNull().default([]),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("prompt_version_prompt_version_uq").on(t.promptId, t.version)],
);
