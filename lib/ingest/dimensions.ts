import type { Db } from "@/db/client";
import { memo } from "@/db/client";
import type { ModelKind } from "@/db/schema";
import { dimensionStatements, type DimensionStatements } from "@/db/statements/dimensions";
import { findOrCreateDimensionPg } from "@/db/statements/pg/ingest";
import type { IngestEvent } from "./event-schema";
import { KIND_OF, modelNameOf } from "./to-row";

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
  private statements?: DimensionStatements;

  constructor(private readonly db: Db) {}

  /** SQLite's synchronous statements; on PostgreSQL every name is `preload`ed first. */
  private get stmts(): DimensionStatements {
    if (this.db.dialect !== "sqlite") throw new Error("Dimension not preloaded: call preload() before building rows on PostgreSQL");
    return (this.statements ??= dimensionStatements(this.db));
  }

  /**
   * Resolves (creating when new) every name the events carry, so that building their rows then
   * only reads the cache. The PostgreSQL path, whose statements are asynchronous; each row is
   * committed at once (find-or-create outside the ingest transaction, db/statements/pg/ingest.ts),
   * so nothing is left to forget if the ingest transaction rolls back.
   */
  async preload(projectId: number, events: IngestEvent[], now = Date.now()): Promise<void> {
    const load = async (map: Map<string, number>, key: string, make: () => Promise<number>) => {
      let id = map.get(key);
      if (id === undefined) map.set(key, (id = await make()));
      return id;
    };
    for (const e of events) {
      const name = modelNameOf(e);
      if (name) {
        const modelId = await load(this.models, `${projectId}\u0000${name}`, () =>
          findOrCreateDimensionPg(this.db, "model", projectId, name, now, KIND_OF[e.type]),
        );
        if (e.modelVersion) {
          const v = e.modelVersion;
          await load(this.modelVersions, `${modelId}\u0000${v}`, () => findOrCreateDimensionPg(this.db, "modelVersion", modelId, v, now));
        }
      }
      if (e.type === "llm" && e.promptId) {
        const key = e.promptId;
        const promptId = await load(this.prompts, `${projectId}\u0000${key}`, () => findOrCreateDimensionPg(this.db, "prompt", projectId, key, now));
        const pv = e.promptVersion;
        if (pv !== undefined) await load(this.promptVersions, `${promptId}\u0000${pv}`, () => findOrCreateDimensionPg(this.db, "promptVersion", promptId, pv, now));
      }
    }
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
