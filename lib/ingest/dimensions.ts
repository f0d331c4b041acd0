import type { Db } from "@/db/client";
import { memo } from "@/db/client";
import type { ModelKind } from "@/db/schema";

/**
 * Resolves names in events (model, model version, prompt, prompt version) to ids, creating
 * rows on first sight. Ids are cached per database handle; rows created inside a transaction
 * that later rolls back are dropped from the cache by `forgetUncommitted`.
 */
export class DimensionResolver {
  private models = new Map<string, number>();
  private modelVersions = new Map<string, number>();
  private prompts = new Map<string, number>();
  private promptVersions = new Map<string, number>();
  private pending: Array<[Map<string, number>, string]> = [];
  private stmts;

  constructor(private db: Db) {
    const s = db.sqlite;
    this.stmts = {
      findModel: s.prepare<[number, string], { id: number }>("SELECT id FROM model WHERE project_id = ? AND name = ?"),
      addModel: s.prepare<[number, string, string, number]>(
        "INSERT INTO model (project_id, name, kind, created_at) VALUES (?, ?, ?, ?)",
      ),
      findModelVersion: s.prepare<[number, string], { id: number }>(
        "SELECT id FROM model_version WHERE model_id = ? AND version = ?",
      ),
      addModelVersion: s.prepare<[number, string, number]>(
        "INSERT INTO model_version (model_id, version, created_at) VALUES (?, ?, ?)",
      ),
      findPrompt: s.prepare<[number, string], { id: number }>("SELECT id FROM prompt WHERE project_id = ? AND key = ?"),
      addPrompt: s.prepare<[number, string, number]>("INSERT INTO prompt (project_id, key, created_at) VALUES (?, ?, ?)"),
      findPromptVersion: s.prepare<[number, number], { id: number }>(
        "SELECT id FROM prompt_version WHERE prompt_id = ? AND version = ?",
      ),
      addPromptVersion: s.prepare<[number, number, number]>(
        "INSERT INTO prompt_version (prompt_id, version, labels, created_at) VALUES (?, ?, '[]', ?)",
      ),
    };
  }

  model(projectId: number, name: string, kind: ModelKind): number {
    const key = `${projectId}\u0000${name}`;
    return this.resolve(this.models, key, () => {
      const row = this.stmts.findModel.get(projectId, name);
      if (row) return row.id;
      return Number(this.stmts.addModel.run(projectId, name, kind, Date.now()).lastInsertRowid);
    });
  }

  modelVersion(modelId: number, version: string): number {
    return this.resolve(this.modelVersions, `${modelId}\u0000${version}`, () => {
      const row = this.stmts.findModelVersion.get(modelId, version);
      if (row) return row.id;
      return Number(this.stmts.addModelVersion.run(modelId, version, Date.now()).lastInsertRowid);
    });
  }

  prompt(projectId: number, promptKey: string): number {
    return this.resolve(this.prompts, `${projectId}\u0000${promptKey}`, () => {
      const row = this.stmts.findPrompt.get(projectId, promptKey);
      if (row) return row.id;
      return Number(this.stmts.addPrompt.run(projectId, promptKey, Date.now()).lastInsertRowid);
    });
  }

  promptVersion(promptId: number, version: number): number {
    return this.resolve(this.promptVersions, `${promptId}\u0000${version}`, () => {
      const row = this.stmts.findPromptVersion.get(promptId, version);
      if (row) return row.id;
      return Number(this.stmts.addPromptVersion.run(promptId, version, Date.now()).lastInsertRowid);
    });
  }

  /** Call after a rolled-back transaction: ids created inside it no longer exist. */
  forgetUncommitted(): void {
    for (const [map, key] of this.pending) map.delete(key);
    this.pending = [];
  }

  /** Call after commit. */
  commit(): void {
    this.pending = [];
  }

  /** Forget everything (after rows were deleted or edited elsewhere). */
  clear(): void {
    for (const m of [this.models, this.modelVersions, this.prompts, this.promptVersions]) m.clear();
  }

  private resolve(map: Map<string, number>, key: string, load: () => number): number {
    let id = map.get(key);
    if (id === undefined) {
      id = load();
      map.set(key, id);
      this.pending.push([map, key]);
    }
    return id;
  }
}

export function dimensionResolver(db: Db): DimensionResolver {
  return memo(db, "dimensions", () => new DimensionResolver(db));
}
