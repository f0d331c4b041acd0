import { sqliteOf } from "@/db/driver";
import type { Db } from "@/db/client";
import type { ModelKind } from "@/db/schema";
import { readDimensionTablesPg } from "./pg/reads";

/** The small per-project lookup tables, read whole (hundreds of rows, not millions). */
export async function readDimensionTables(db: Db, projectId: number) {
  if (db.dialect === "postgres") return readDimensionTablesPg(db, projectId);
  const s = sqliteOf(db);
  return {
    models: s.prepare("SELECT id, name, kind FROM model WHERE project_id = ?").all(projectId) as { id: number; name: string; kind: ModelKind }[],
    modelVersions: s
      .prepare("SELECT v.id, v.version, v.model_id AS owner FROM model_version v JOIN model m ON m.id = v.model_id WHERE m.project_id = ?")
      .all(projectId) as { id: number; version: string; owner: number }[],
    prompts: s.prepare("SELECT id, key, name FROM prompt WHERE project_id = ?").all(projectId) as { id: number; key: string; name: string | null }[],
    promptVersions: s
      .prepare("SELECT v.id, v.version, v.prompt_id AS owner FROM prompt_version v JOIN prompt p ON p.id = v.prompt_id WHERE p.project_id = ?")
      .all(projectId) as { id: number; version: number; owner: number }[],
  };
}
