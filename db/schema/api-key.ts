import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { project } from "./project";
import { user } from "./user";

export const SCOPES = ["ingest", "read", "prompts", "review", "admin"] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * Keys are high-entropy random strings, so a SHA-256 digest is enough to store them
 * (no slow KDF needed, and lookups stay O(1) on the hot ingest path).
 */
export const apiKey = sqliteTable(
  "api_key",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id")
      .notNull()
      .references(() => project.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** First characters of the key, shown in the UI so people can tell keys apart. */
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull().unique(),
    scopes: text("scopes", { mode: "json" }).$type<Scope[]>().notNull(),
    createdBy: integer("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull(),
    lastUsedAt: integer("last_used_at"),
    expiresAt: integer("expires_at"),
    revokedAt: integer("revoked_at"),
  },
  (t) => [index("api_key_project_idx").on(t.projectId)],
);
