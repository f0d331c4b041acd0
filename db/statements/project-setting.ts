import { sqliteOf } from "@/db/driver";
import type { Db } from "@/db/client";
import { memo } from "@/db/client";
import { pgRows } from "@/db/pg/driver";

export interface ProjectSettingRow {
  redaction_mode: "off" | "mask" | "hash";
  retention_days: number | null;
}

/** A project's settings, read by the ingest path before its transaction (once per batch). */
export async function readProjectSetting(db: Db, projectId: number): Promise<ProjectSettingRow | undefined> {
  if (db.dialect === "postgres") {
    return (await pgRows<ProjectSettingRow>(db, "SELECT redaction_mode, retention_days FROM project_setting WHERE project_id = $1", [projectId]))[0];
  }
  const stmt = memo(db, "projectSettingStatement", () =>
    sqliteOf(db).prepare<[number], ProjectSettingRow>("SELECT redaction_mode, retention_days FROM project_setting WHERE project_id = ?"),
  );
  return stmt.get(projectId);
}
