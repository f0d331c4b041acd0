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
  // `admit` runs only when the name is new, before it is created (per-project caps, lib/ingest/limits.ts): it may throw.
  model(projectId: number, name: string, kind: ModelKind, now: number, admit?: () => void): number;
  modelVersion(modelId: number, version: string, now: number, admit?: () => void): number;
  prompt(projectId: number, key: string, now: number, admit?: () => void): number;
  promptVersion(promptId: number, version: number, now: number, admit?: () => void): number;
  /** Rows of a dimension in a project (versions are counted across the project's models or prompts). */
  count(dimension: Dimension, projectId: number): number;
}

export type Dimension = "model" | "modelVersion" | "prompt" | "promptVersion";

function prepare(s: Sqlite.Database): DimensionStatements {
  const findOrCreate = (insert: string, select: string) => {
    const ins = s.prepare<unknown[]>(insert);
    const sel = s.prepare<unknown[], number>(select).pluck();
    // Select first: after the first sight of a name this is the only statement that runs.
    return (admit: (() => void) | undefined, a: number, b: string | number, ...rest: unknown[]): number => {
      const found = sel.get(a, b);
      if (found !== undefined) return found;
      admit?.();
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
  const counts: Record<Dimension, Sqlite.Statement<[number], number>> = {
    model: s.prepare<[number], number>("SELECT count(*) FROM model WHERE project_id = ?").pluck(),
    modelVersion: s.prepare<[number], number>("SELECT count(*) FROM model_version v JOIN model m ON m.id = v.model_id WHERE m.project_id = ?").pluck(),
    prompt: s.prepare<[number], number>("SELECT count(*) FROM prompt WHERE project_id = ?").pluck(),
    promptVersion: s.prepare<[number], number>("SELECT count(*) FROM prompt_version v JOIN prompt p ON p.id = v.prompt_id WHERE p.project_id = ?").pluck(),
  };
  return {
    model: (projectId, name, kind, now, admit) => model(admit, projectId, name, kind, now),
    modelVersion: (modelId, version, now, admit) => modelVersion(admit, modelId, version, now),
    prompt: (projectId, key, now, admit) => prompt(admit, projectId, key, now),
    promptVersion: (promptId, version, now, admit) => promptVersion(admit, promptId, version, now),
    count: (dimension, projectId) => counts[dimension].get(projectId)!,
  };
}

export function dimensionStatements(db: Db): DimensionStatements {
  return memo(db, "dimensionStatements", () => prepare(sqliteOf(db)));
}
