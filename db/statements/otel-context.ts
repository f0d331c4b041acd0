import { sqliteOf } from "@/db/driver";
import type { Db } from "@/db/client";
import { memo } from "@/db/client";
import { otelContextBodiesPg, upsertOtelContextsPg } from "./pg/reads";

export interface OtelContextInput {
  hash: string;
  body: string;
}

function statements(db: Db) {
  return memo(db, "otelContextStatements", () => ({
    insert: sqliteOf(db).prepare<[number, string, string, number]>(
      "INSERT INTO otel_context (project_id, hash, body, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (project_id, hash) DO NOTHING",
    ),
    idOf: sqliteOf(db).prepare<[number, string], { id: number }>("SELECT id FROM otel_context WHERE project_id = ? AND hash = ?").pluck(),
    bodies: sqliteOf(db).prepare<[number, string], { id: number; body: string }>(
      "SELECT id, body FROM otel_context WHERE project_id = ? AND id IN (SELECT value FROM json_each(?))",
    ),
  }));
}

/**
 * Stores each context unless the project already has it (same hash) and returns their ids, in
 * input order, in one transaction of its own: once committed, an id stays valid whatever
 * happens to the events that will reference it.
 */
export async function upsertOtelContexts(db: Db, projectId: number, contexts: OtelContextInput[], now = Date.now()): Promise<number[]> {
  if (db.dialect === "postgres") return upsertOtelContextsPg(db, projectId, contexts, now);
  const s = statements(db);
  return sqliteOf(db).transaction(() =>
    contexts.map(({ hash, body }) => {
      s.insert.run(projectId, hash, body, now);
      return s.idOf.get(projectId, hash) as unknown as number;
    }),
  )();
}

/** Context bodies (JSON text) by id, only those of the project. */
export async function otelContextBodies(db: Db, projectId: number, ids: number[]): Promise<{ id: number; body: string }[]> {
  if (db.dialect === "postgres") return otelContextBodiesPg(db, projectId, ids);
  return statements(db).bodies.all(projectId, JSON.stringify(ids));
}
