import type { Db } from "@/db/client";
import { sqliteOf } from "@/db/driver";
import { readPriceRowsPg } from "./pg/reads";

export interface PriceRow {
  id: number;
  projectId: number | null;
  pattern: string;
  inputPerMTok: number;
  outputPerMTok: number;
  priority: number;
}

/**
 * The whole price table, read synchronously: the price book is consulted per event on the
 * ingest writer's hot path, which is synchronous by design (docs/adr/0025), and reloaded from
 * here at most every 30 s (lib/pricing/price-book.ts).
 */
export function readPriceRowsSync(db: Db): PriceRow[] {
  if (db.dialect !== "sqlite") throw new Error("readPriceRowsSync is SQLite's; use readPriceRows");
  return sqliteOf(db)
    .prepare(
      `SELECT id, project_id AS projectId, pattern, input_per_mtok AS inputPerMTok, output_per_mtok AS outputPerMTok, priority
       FROM price ORDER BY id`,
    )
    .all() as PriceRow[];
}

/** The whole price table, on either dialect (the PostgreSQL ingest path loads it before its transaction). */
export async function readPriceRows(db: Db): Promise<PriceRow[]> {
  return db.dialect === "postgres" ? readPriceRowsPg(db) : readPriceRowsSync(db);
}
