import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { project } from "./project";

export const REDACTION_MODES = ["off", "mask", "hash"] as const;

/**
 * Per-project governance settings. One row per project, created on first change; a missing
 * row means the defaults (redaction off, raw events kept forever).
 */
export const projectSetting = sqliteTable("project_setting", {
  projectId: integer("project_id")
    .primaryKey()
    .references(() => project.id, { onDelete: "cascade" }),
  redactionMode: text("redaction_mode", { enum: REDACTION_MODES }).notNull().default("off"),
  /** Maximum age of raw events in days; null keeps them. Rollups (aggregates) are kept either way. */
  retentionDays: integer("retention_days"),
  updatedAt: integer("updated_at").notNull(),
});
