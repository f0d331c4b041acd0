import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { project } from "./project";
import { ROLES, user } from "./user";

/**
 * A sign-up link for a member added without a password. Only the SHA-256 of the random token
 * is stored (like API keys); the link is shown once to the admin who created it.
 */
export const invite = sqliteTable(
  "invite",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    tokenHash: text("token_hash").notNull().unique(),
    userId: integer("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    projectId: integer("project_id")
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    role: text("role", { enum: ROLES }).notNull(),
    createdBy: integer("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    acceptedAt: integer("accepted_at"),
  },
  (t) => [index("invite_user_idx").on(t.userId)],
);
