import type { Db } from "@/db/client";
import type { ModelKind } from "@/db/schema";

export interface DimensionNames {
  models: Map<number, { name: string; kind: ModelKind }>;
  modelVersions: Map<number, string>;
  prompts: Map<number, string>;
  promptVersions: Map<number, number>;
  /** Version id → its model / prompt id. */
  modelVersionOwner: Map<number, number>;
  promptVersionOwner: Map<number, number>;
}

/** Id → name maps for one project. These tables hold hundreds of rows, not millions. */
export function loadDimensionNames(db: Db, projectId: number): DimensionNames {
  const s = db.sqlite;
  const models = s.prepare("SELECT id, name, kind FROM model WHERE project_id = ?").all(projectId) as { id: number; name: string; kind: ModelKind }[];
  const versions = s
    .prepare("SELECT v.id, v.version, v.model_id AS owner FROM model_version v JOIN model m ON m.id = v.model_id WHERE m.project_id = ?")
    .all(projectId) as { id: number; version: string; owner: number }[];
  const prompts = s.prepare("SELECT id, key FROM prompt WHERE project_id = ?").all(projectId) as { id: number; key: string }[];
  const pvs = s
    .prepare("SELECT v.id, v.version, v.prompt_id AS owner FROM prompt_version v JOIN prompt p ON p.id = v.prompt_id WHERE p.project_id = ?")
    .all(projectId) as { id: number; version: number; owner: number }[];
  return {
    models: new Map(models.map((m) => [m.id, { name: m.name, kind: m.kind }])),
    modelVersions: new Map(versions.map((v) => [v.id, v.version])),
    prompts: new Map(prompts.map((p) => [p.id, p.key])),
    promptVersions: new Map(pvs.map((v) => [v.id, v.version])),
    modelVersionOwner: new Map(versions.map((v) => [v.id, v.owner])),
    promptVersionOwner: new Map(pvs.map((v) => [v.id, v.owner])),
  };
}
