import type { Db } from "@/db/client";
import { memo } from "@/db/client";
import type { ModelKind } from "@/db/schema";
import {
  MAX_MODEL_VERSIONS_PER_PROJECT, MAX_MODELS_PER_PROJECT, MAX_PROMPT_VERSIONS_PER_PROJECT, MAX_PROMPTS_PER_PROJECT,
} from "./limits";

/**
 * An event names a new model, model version, prompt or prompt version past the project's cap
 * (limits.ts). The store rejects that event alone; nothing of it is written.
 */
export class DimensionLimitError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

type Dimension = "model" | "modelVersion" | "prompt" | "promptVersion";
const CAPS: Record<Dimension, { max: number; path: string; noun: string }> = {
  model: { max: MAX_MODELS_PER_PROJECT, path: "model", noun: "models" },
  modelVersion: { max: MAX_MODEL_VERSIONS_PER_PROJECT, path: "modelVersion", noun: "model versions" },
  prompt: { max: MAX_PROMPTS_PER_PROJECT, path: "promptId", noun: "prompts" },
  promptVersion: { max: MAX_PROMPT_VERSIONS_PER_PROJECT, path: "promptVersion", noun: "prompt versions" },
};

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
  /** Rows per project and dimension, loaded on the first creation (rare: names repeat). */
  private counts = new Map<string, number>();
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
      count: {
        model: s.prepare<[number], { n: number }>("SELECT count(*) AS n FROM model WHERE project_id = ?"),
        modelVersion: s.prepare<[number], { n: number }>(
          "SELECT count(*) AS n FROM model_version v JOIN model m ON m.id = v.model_id WHERE m.project_id = ?",
        ),
        prompt: s.prepare<[number], { n: number }>("SELECT count(*) AS n FROM prompt WHERE project_id = ?"),
        promptVersion: s.prepare<[number], { n: number }>(
          "SELECT count(*) AS n FROM prompt_version v JOIN prompt p ON p.id = v.prompt_id WHERE p.project_id = ?",
        ),
      },
    };
  }

  model(projectId: number, name: string, kind: ModelKind): number {
    const key = `${projectId}\u0000${name}`;
    return this.resolve(this.models, key, () => {
      const row = this.stmts.findModel.get(projectId, name);
      if (row) return row.id;
      this.admit("model", projectId);
      return Number(this.stmts.addModel.run(projectId, name, kind, Date.now()).lastInsertRowid);
    });
  }

  modelVersion(projectId: number, modelId: number, version: string): number {
    return this.resolve(this.modelVersions, `${modelId}\u0000${version}`, () => {
      const row = this.stmts.findModelVersion.get(modelId, version);
      if (row) return row.id;
      this.admit("modelVersion", projectId);
      return Number(this.stmts.addModelVersion.run(modelId, version, Date.now()).lastInsertRowid);
    });
  }

  prompt(projectId: number, promptKey: string): number {
    return this.resolve(this.prompts, `${projectId}\u0000${promptKey}`, () => {
      const row = this.stmts.findPrompt.get(projectId, promptKey);
      if (row) return row.id;
      this.admit("prompt", projectId);
      return Number(this.stmts.addPrompt.run(projectId, promptKey, Date.now()).lastInsertRowid);
    });
  }

  promptVersion(projectId: number, promptId: number, version: number): number {
    return this.resolve(this.promptVersions, `${promptId}\u0000${version}`, () => {
      const row = this.stmts.findPromptVersion.get(promptId, version);
      if (row) return row.id;
      this.admit("promptVersion", projectId);
      return Number(this.stmts.addPromptVersion.run(promptId, version, Date.now()).lastInsertRowid);
    });
  }

  /** Call after a rolled-back transaction: ids created inside it no longer exist. */
  forgetUncommitted(): void {
    for (const [map, key] of this.pending) map.delete(key);
    this.pending = [];
    this.counts.clear();
  }

  /** Call after commit. */
  commit(): void {
    this.pending = [];
    // Counts are trusted within one transaction only: other connections create rows too.
    this.counts.clear();
  }

  /** Forget everything (after rows were deleted or edited elsewhere). */
  clear(): void {
    for (const m of [this.models, this.modelVersions, this.prompts, this.promptVersions]) m.clear();
    this.counts.clear();
  }

  /** Counts a row about to be created, or throws when the project is at its cap. */
  private admit(dimension: Dimension, projectId: number): void {
    const key = `${dimension}\u0000${projectId}`;
    const n = this.counts.get(key) ?? this.stmts.count[dimension].get(projectId)!.n;
    const cap = CAPS[dimension];
    if (n >= cap.max) {
      this.counts.set(key, n);
      throw new DimensionLimitError(cap.path, `the project already has ${cap.max} ${cap.noun}, the most it may have; reuse an existing name`);
    }
    this.counts.set(key, n + 1);
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
