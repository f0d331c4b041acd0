import { bigint, pgTable, primaryKey, text } from "drizzle-orm/pg-core";

/**
 * Tables that exist on PostgreSQL only (docs/adr/0048); every other table is derived from
 * db/schema/ (db/pg/derive-schema.ts). The schema-parity test allows exactly these.
 */

/**
 * Idempotency of ingest on PostgreSQL. `event` is partitioned by time and cannot carry a unique
 * `(project_id, client_id)` index, so the ingest transaction claims each client id here first:
 * a claim that already exists is a duplicate. Rows older than SIGHTLINE_IDEMPOTENCY_WINDOW_DAYS
 * (by `received_at`) are pruned by the `prune-idempotency` job; a resend within the window is
 * stored and counted once.
 */
export const eventIdempotency = pgTable(
  "event_idempotency",
  {
    projectId: bigint("project_id", { mode: "number" }).notNull(),
    clientId: text("client_id").notNull(),
    eventId: bigint("event_id", { mode: "number" }).notNull(),
    receivedAt: bigint("received_at", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ name: "event_idempotency_pk", columns: [t.projectId, t.clientId] })],
);

export const PG_ONLY_TABLES = { eventIdempotency } as const;
