import type { Db } from "@/db/client";
import { memo } from "@/db/client";
import { sqliteOf } from "@/db/driver";
import { pgRows } from "@/db/pg/driver";

/** A `price` row as SQLite returns it (snake_case). */
export interface PriceReadRow {
  id: number;
  project_id: number | null;
  model: string;
  match: "exact" | "prefix" | "regex";
  provider: string | null;
  input_per_mtok: number;
  output_per_mtok: number;
  cache_read_per_mtok: number | null;
  cache_write_per_mtok: number | null;
  cache_write_1h_per_mtok: number | null;
  reasoning_per_mtok: number | null;
  audio_input_per_mtok: number | null;
  audio_output_per_mtok: number | null;
  image_input_per_mtok: number | null;
  image_output_per_mtok: number | null;
  tiers: string;
  effective_from: number;
}

export interface PriceBookVersion {
  n: number;
  max_id: number;
  updated_sum: number;
}

/**
 * Synchronous reads of the custom prices for the ingest path (the writer thread prices each
 * event inside its transaction). The version is a fingerprint of the table — any insert,
 * update or delete changes the count, the largest id or the sum of update times — read once
 * per ingest batch so that a price saved on another connection applies to the next batch.
 */
export function priceReads(db: Db) {
  return memo(db, "priceReads", () => ({
    version: sqliteOf(db).prepare<[], PriceBookVersion>(
      "SELECT count(*) AS n, coalesce(max(id), 0) AS max_id, coalesce(sum(updated_at), 0) AS updated_sum FROM price",
    ),
    all: sqliteOf(db).prepare<[], PriceReadRow>("SELECT * FROM price ORDER BY id"),
  }));
}

/** The table's fingerprint, on either dialect (PostgreSQL's ingest path reads it before its transaction). */
export async function readPriceVersion(db: Db): Promise<PriceBookVersion> {
  if (db.dialect === "sqlite") return priceReads(db).version.get()!;
  const [v] = await pgRows<PriceBookVersion>(
    db,
    "SELECT count(*) AS n, coalesce(max(id), 0) AS max_id, coalesce(sum(updated_at), 0) AS updated_sum FROM price",
  );
  return v;
}

/** Every custom price row, on either dialect. */
export async function readPriceTable(db: Db): Promise<PriceReadRow[]> {
  if (db.dialect === "sqlite") return priceReads(db).all.all();
  return pgRows<PriceReadRow>(db, "SELECT * FROM price ORDER BY id");
}
