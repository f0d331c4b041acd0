import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Traces whose spans may still need their root span's user, session, environment and tags
 * because the root and its descendants came in different OTLP exports (within one export the
 * mapping copies them itself, lib/otlp/propagate-root-attributes.ts). An export adds one row
 * per such trace; the `trace-root-attributes` job copies the fields once the root is stored
 * and deletes the row (lib/otlp/inherit-root-attributes.ts). Ingest does no lookups for this.
 */
export const traceInheritance = sqliteTable(
  "trace_inheritance",
  {
    projectId: integer("project_id").notNull(),
    traceId: text("trace_id").notNull(),
    /** Last export that touched the trace; a row untouched for a day without a root is dropped. */
    enqueuedAt: integer("enqueued_at").notNull(),
    /** When the job looks again (backs off while the root has not arrived). */
    nextAt: integer("next_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.traceId] }), index("trace_inheritance_next_idx").on(t.nextAt)],
);
