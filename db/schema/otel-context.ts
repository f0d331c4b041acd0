import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/**
 * The part of an OTLP event's provenance that repeats from span to span (the `mapped` table,
 * the unmapped resource attributes, the scope, the span kind), stored once per project and
 * referenced from the event body as `otel.ctx` (lib/otlp/intern-context.ts). Rows are
 * immutable and never deleted, so an id can be cached for the life of a handle.
 */
export const otelContext = sqliteTable(
  "otel_context",
  {
    id: integer("id").primaryKey(),
    projectId: integer("project_id").notNull(),
    /** SHA-256 (hex) of `body`. */
    hash: text("hash").notNull(),
    /** JSON: `{mapped, resource, scope, spanKind}`. */
    body: text("body").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("otel_context_project_hash_uq").on(t.projectId, t.hash)],
);
