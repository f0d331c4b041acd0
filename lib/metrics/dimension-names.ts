import type { Db } from "@/db/client";
import type { ModelKind } from "@/db/schema";
import { readDimensionTables } from "@/db/statements/dimension-reads";

export interface DimensionNames {
  models: Map<number, { name: string; kind: ModelKind }>;
  modelVersions: Map<number, string>;
  prompts: Map<number, string>;
  /** Display names of prompts that have one. */
  promptNames: Map<number, string>;
  promptVersions: Map<number, number>;
  /** Version id → its model / prompt id. */
  modelVersionOwner: Map<number, number>;
  promptVersionOwner: Map<number, number>;
}

/** Id → name maps for one project, to turn rollup and event ids back into names. */
export async function loadDimensionNames(db: Db, projectId: number): Promise<DimensionNames> {
  const t = await readDimensionTables(db, projectId);
  return {
    models: new Map(t.models.map((m) => [m.id, { name: m.name, kind: m.kind }])),
    modelVersions: new Map(t.modelVersions.map((v) => [v.id, v.version])),
    prompts: new Map(t.prompts.map((p) => [p.id, p.key])),
    promptNames: new Map(t.prompts.flatMap((p) => (p.name ? [[p.id, p.name] as const] : []))),
    promptVersions: new Map(t.promptVersions.map((v) => [v.id, v.version])),
    modelVersionOwner: new Map(t.modelVersions.map((v) => [v.id, v.owner])),
    promptVersionOwner: new Map(t.promptVersions.map((v) => [v.id, v.owner])),
  };
}
