import type { Db } from "@/db/client";
import { sqliteOf } from "@/db/driver";
import { deleteRollupsBeforePg } from "./pg/reads";

/** Deletes rollup rows of one resolution older than `before` (retention; lib/metrics/prune-rollups.ts). */
export async function deleteRollupsBefore(db: Db, resolution: number, before: number): Promise<number> {
  if (db.dialect === "postgres") return deleteRollupsBeforePg(db, resolution, before);
  return sqliteOf(db).prepare("DELETE FROM rollup WHERE resolution = ? AND bucket < ?").run(resolution, before).changes;
}
