import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { project } from "./project";

export const user = sqliteTable("user", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  email: text("email").notNull().unique(),
  name: text("name"),
  passwordHash: text("password_hash").notNull(),
  createdAt: integer("created_at").notNull(),
  disabledAt: integer("disabled_at"),
  /**
   * Bumped on password change, disable and "sign out everywhere"; session tokens carry the
   * version they were issued with and are refused once it moves on (lib/auth/session-check.ts).
   */
  sessionVersion: integer("session_version").notNull().default(0),
});

/** Roles are per project: the same person can administer one project and only view another. */
export const ROLES = ["admin", "engineer", "reviewer", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const membership = sqliteTable(
  "membership",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    projectId: integer("project_id")
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    role: text("role", { enum: ROLES }).notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.projectId] })],
);
