import type Sqlite from "better-sqlite3";
import type { Db } from "@/db/client";
import { memo } from "@/db/client";
import { sqliteOf } from "@/db/driver";
import type { ModelKind } from "@/db/schema";

/**
 * Find-or-create of the names events carry. Insert-or-ignore, then select: correct with any
 * number of writers (another process creating the same name between our look-up and our
 * insert makes the insert a no-op, not a unique-constraint failure), and the select always
 * returns the one id. The same statements exist on PostgreSQL as INSERT … ON CONFLICT DO NOTHING.
 */
export interface DimensionStatements {
  model(projectId: number, name: string, kind: ModelKind, now: number): number;
  modelVersion(modelId: number, version: string, now: number): number;
  prompt(projectId: number, key: string, now: number): number;
  promptVersion(promptId: number, version: number, now: number): number;
}

function prepare(s: Sqlite.Database): DimensionStatements {
  const findOrCreate = (insert: string, select: string) => {
    const ins = s.prepare<unknown[]>(insert);
    const sel = s.prepare<unknown[], number>(select).pluck();
    // Select first: after the first sight of a name this is the only statement that runs.
    return (a: number, b: string | number, ...rest: unknown[]): number => {
      const found = sel.get(a, b);
      if (found !== undefined) return found;
      ins.run(a, b, ...rest);
      return sel.get(a, b)!;
    };
  };
  const model = findOrCreate(
    "INSERT INTO model (project_id, name, kind, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
    "SELECT id FROM model WHERE project_id = ? AND name = ?",
  );
  const modelVersion = findOrCreate(
    "INSERT INTO model_version (model_id, version, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
    "SELECT id FROM model_version WHERE model_id = ? AND version = ?",
  );
  const prompt = findOrCreate(
    "INSERT INTO prompt (project_id, key, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
    "SELECT id FROM prompt WHERE project_id = ? AND key = ?",
  );
  const promptVersion = findOrCreate(
    "INSERT INTO prompt_version (prompt_id, version, labels, created_at) VALUES (?, ?, '[]', ?) ON CONFLICT DO NOTHING",
    "SELECT id FROM prompt_version WHERE prompt_id = ? AND version = ?",
  );
  return {
    model: (projectId, name, kind, now) => model(projectId, name, kind, now),
    modelVersion: (modelId, version, now) => modelVersion(modelId, version, now),
    prompt: (projectId, key, now) => prompt(projectId, key, now),
    promptVersion: (promptId, version, now) => promptVersion(promptId, version, now),
  };
}

export function dimensionStatements(db: Db): DimensionStatements {
  return memo(db, "dimensionStatements", () => prepare(sqliteOf(db)));
}
