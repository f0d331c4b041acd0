import { integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { project } from "./project";

/**
 * Price book: USD per one million tokens, matched against the event's model name.
 * `pattern` is a case-insensitive regular expression anchored at both ends; among matches
 * the highest `priority` wins, then the longest pattern. `projectId` null = instance default.
 */
export const price = sqliteTable("price", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  projectId: integer("project_id").references(() => project.id, { onDelete: "cascade" }),
  pattern: text("pattern").notNull(),
  provider: text("provider"),
  inputPerMTok: real("input_per_mtok").notNull(),
  outputPerMTok: real("output_per_mtok").notNull(),
  priority: integer("priority").notNull().default(0),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});
