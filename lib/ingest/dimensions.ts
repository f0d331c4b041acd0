import type { Db } from "@/db/client";
import { memo } from "@/db/client";
import type { ModelKind } from "@/db/schema";
import { dimensionStatements, type Dimension, type DimensionStatements } from "@/db/statements/dimensions";
import { countDimensionPg, findOrCreateDimensionPg } from "@/db/statements/pg/ingest";
import type { IngestEvent } from "./event-schema";
import { KIND_OF, modelNameOf } from "./to-row";
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

const CAPS: Record<Dimension, { max: number; path: string; noun: string }> = {
  model: { max: MAX_MODELS_PER_PROJECT, path: "model", noun: "models" },
  modelVersion: { max: MAX_MODEL_VERSIONS_PER_PROJECT, path: "modelVersion", noun: "model versions" },
  prompt: { max: MAX_PROMPTS_PER_PROJECT, path: "promptId", noun: "prompts" },
  promptVersion: { max: MAX_PROMPT_VERSIONS_PER_PROJECT, path: "promptVersion", noun: "prompt versions" },
};

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
  /** Rows per project and dimension, loaded on the first creation (rare: names repeat). */
  private counts = new Map<string, number>();
  /** PostgreSQL: names `preload` refused at the project's cap, by cache key; their events are rejected alone. */
  private refused = new Map<string, DimensionLimitError>();
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
    const load = async (map: Map<string, number>, key: string, make: () => Promise<number>): Promise<number | undefined> => {
      let id = map.get(key);
      if (id !== undefined) return id;
      if (this.refused.has(key)) return undefined;
      try {
        id = await make();
      } catch (err) {
        if (!(err instanceof DimensionLimitError)) throw err;
        this.refused.set(key, err);
        return undefined;
      }
      map.set(key, id);
      return id;
    };
    const admit = (dimension: Dimension) => () => this.admitPg(dimension, projectId);
    for (const e of events) {
      const name = modelNameOf(e);
      if (name) {
        const modelId = await load(this.models, `${projectId}\u0000${name}`, () =>
          findOrCreateDimensionPg(this.db, "model", projectId, name, now, KIND_OF[e.type], admit("model")),
        );
        if (e.modelVersion && modelId !== undefined) {
          const v = e.modelVersion;
          await load(this.modelVersions, `${modelId}\u0000${v}`, () => findOrCreateDimensionPg(this.db, "modelVersion", modelId, v, now, undefined, admit("modelVersion")));
        }
      }
      if (e.type === "llm" && e.promptId) {
        const key = e.promptId;
        const promptId = await load(this.prompts, `${projectId}\u0000${key}`, () => findOrCreateDimensionPg(this.db, "prompt", projectId, key, now, undefined, admit("prompt")));
        const pv = e.promptVersion;
        if (pv !== undefined && promptId !== undefined) {
          await load(this.promptVersions, `${promptId}\u0000${pv}`, () => findOrCreateDimensionPg(this.db, "promptVersion", promptId, pv, now, undefined, admit("promptVersion")));
        }
      }
    }
  }

  model(projectId: number, name: string, kind: ModelKind): number {
    return this.resolve(this.models, `${projectId}\u0000${name}`, () =>
      this.stmts.model(projectId, name, kind, Date.now(), () => this.admit("model", projectId)),
    );
  }

  modelVersion(projectId: number, modelId: number, version: string): number {
    return this.resolve(this.modelVersions, `${modelId}\u0000${version}`, () =>
      this.stmts.modelVersion(modelId, version, Date.now(), () => this.admit("modelVersion", projectId)),
    );
  }

  prompt(projectId: number, promptKey: string): number {
    return this.resolve(this.prompts, `${projectId}\u0000${promptKey}`, () =>
      this.stmts.prompt(projectId, promptKey, Date.now(), () => this.admit("prompt", projectId)),
    );
  }

  promptVersion(projectId: number, promptId: number, version: number): number {
    return this.resolve(this.promptVersions, `${promptId}\u0000${version}`, () =>
      this.stmts.promptVersion(promptId, version, Date.now(), () => this.admit("promptVersion", projectId)),
    );
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
    this.refused.clear();
  }

  /** Forget everything (after rows were deleted or edited elsewhere). */
  clear(): void {
    for (const m of [this.models, this.modelVersions, this.prompts, this.promptVersions]) m.clear();
    this.counts.clear();
    this.refused.clear();
  }

  /** Counts a row about to be created, or throws when the project is at its cap. */
  private admit(dimension: Dimension, projectId: number): void {
    const key = `${dimension}\u0000${projectId}`;
    const n = this.counts.get(key) ?? this.stmts.count(dimension, projectId);
    const cap = CAPS[dimension];
    if (n >= cap.max) {
      this.counts.set(key, n);
      throw new DimensionLimitError(cap.path, `the project already has ${cap.max} ${cap.noun}, the most it may have; reuse an existing name`);
    }
    this.counts.set(key, n + 1);
  }

  /** PostgreSQL's cap check, before `preload` creates a name. */
  private async admitPg(dimension: Dimension, projectId: number): Promise<void> {
    const cap = CAPS[dimension];
    if ((await countDimensionPg(this.db, dimension, projectId)) >= cap.max) {
      throw new DimensionLimitError(cap.path, `the project already has ${cap.max} ${cap.noun}, the most it may have; reuse an existing name`);
    }
  }

  private resolve(map: Map<string, number>, key: string, load: () => number): number {
    let id = map.get(key);
    if (id === undefined) {
      const refused = this.refused.get(key);
      if (refused) throw refused;
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
