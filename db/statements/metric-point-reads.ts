import { sqliteOf } from "@/db/driver";
import type { Db } from "@/db/client";
import { readModelSignalsPg } from "./pg/reads";

export interface MetricPointRow {
  model_id: number;
  name: string;
  feature: string | null;
  value: number;
}

/** Client-reported accuracy and drift (PSI) points in [from, to], oldest first. */
export async function readModelSignals(db: Db, projectId: number, from: number, to: number): Promise<MetricPointRow[]> {
  if (db.dialect === "postgres") return readModelSignalsPg(db, projectId, from, to);
  return sqliteOf(db)
    .prepare<[number, number, number], MetricPointRow>(
      `SELECT model_id, name, feature, value FROM metric_point
        WHERE project_id = ? AND ts BETWEEN ? AND ? AND (name = 'accuracy' OR name LIKE 'drift.psi%')
        ORDER BY ts`,
    )
    .all(projectId, from, to);
}
