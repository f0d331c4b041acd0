import type { Db } from "@/db/client";
import { memo } from "@/db/client";
import type { ModelKind } from "@/db/schema";
import { dimensionStatements, type DimensionStatements } from "@/db/statements/dimensions";

/**
 * Resolves names in events (model, model version, prompt, prompt version) to ids, creating
 * rows on first sight (insert-or-ignore then select: db/statements/dimensions.ts). Ids are
 * cached per database handle; rows created inside a transaction that later rolls back are
 * dropped from the cache by `forgetUncommitted`.
 */
export class DimensionResolver {
  private models = new Map<string, number>();
  private modelVersions = new Map<string, number>();
  private prompts = new Map<string, number>();
  private promptVersions = new Map<string, number>();
  private pending: Array<[Map<string, number>, string]> = [];
  private stmts: DimensionStatements;

  constructor(db: Db) {
    this.stmts = dimensionStatements(db);
  }

  model(projectId: number, name: string, kind: ModelKind): number {
    return this.resolve(this.models, `${projectId}\u0000${name}`, () => this.stmts.model(projectId, name, kind, Date.now()));
  }

  modelVersion(modelId: number, version: string): number {
    return this.resolve(this.modelVersions, `${modelId}\u0000${version}`, () => this.stmts.modelVersion(modelId, version, Date.now()));
  }

  prompt(projectId: number, promptKey: string): number {
    return this.resolve(this.prompts, `${projectId}\u0000${promptKey}`, () => this.stmts.prompt(projectId, promptKey, Date.now()));
  }

  promptVersion(promptId: number, version: number): number {
    return this.resolve(this.promptVersions, `${promptId}\u0000${version}`, () => this.stmts.promptVersion(promptId, version, Date.now()));
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
