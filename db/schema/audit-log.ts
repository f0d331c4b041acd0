import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const AUDIT_ACTOR_KINDS = ["member", "api_key", "system", "anonymous"] as const;
export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];

/**
 * Who changed what, when, from where: one row per change, written in the same transaction as
 * the change itself (lib/audit/record-audit.ts). Append-only — no service updates or deletes
 * rows, and no route exists that could. `project_id` is null for events outside a project
 * (sign-ins, failed sign-ins).
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id"),
    at: integer("at").notNull(),
    actorKind: text("actor_kind", { enum: AUDIT_ACTOR_KINDS }).notNull(),
    /** user id, API key id, or null for system and anonymous actors. */
    actorId: integer("actor_id"),
    /** Human-readable actor at the time (an e-mail, "key sl_AbC123", "job retention"). */
    actorLabel: text("actor_label").notNull(),
    /** Dotted verb: `member.create`, `api_key.revoke`, `auth.sign_in_failed`, `prompt.label`. */
    action: text("action").notNull(),
    /** What was acted on, e.g. `user:12`, `api_key:3`, `prompt:support-answer`. */
    target: text("target"),
    before: text("before", { mode: "json" }).$type<unknown>(),
    after: text("after", { mode: "json" }).$type<unknown>(),
    address: text("address"),
    requestId: text("request_id"),
  },
  (t) => [index("audit_log_project_at_idx").on(t.projectId, t.at), index("audit_log_action_idx").on(t.action)],
);
