import { sqliteOf } from "@/db/driver";
import type { Db } from "@/db/client";
import { memo } from "@/db/client";

export interface ProjectSettingRow {
  redaction_mode: "off" | "mask" | "hash";
  retention_days: number | null;
}

/** The ingest path reads a project's settings synchronously, inside its transaction-free prepare step. */
export function readProjectSettingSync(db: Db, projectId: number): ProjectSettingRow | undefined {
  const stmt = memo(db, "projectSettingStatement", () =>
    sqliteOf(db).prepare<[number], ProjectSettingRow>("SELECT redaction_mode, retention_days FROM project_setting WHERE project_id = ?"),
  );
  return stmt.get(projectId);
}
