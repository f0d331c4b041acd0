import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDb, type Db } from "@/db/client";
import { sqliteOf } from "@/db/driver";
import { pgRows } from "@/db/pg/driver";
import { PG_KEY_OVERRIDES } from "@/db/pg/keys";
import { PG_ONLY_TABLES } from "@/db/pg/tables";
import { getTableName } from "drizzle-orm";
import { freshPgDatabase } from "@/tests/helpers/db";

/**
 * The two dialects' schemas, each as its committed migrations build it, must agree on tables,
 * columns (and their nullability), primary keys and indexes (name, uniqueness, columns,
 * partial or not). Fails when a table is added to db/schema/ and `npm run db:generate` (which
 * writes both db/migrations and db/migrations-pg) was not run, or when a migration is edited
 * by hand on one side only. The PostgreSQL-only departures are exactly those listed in
 * db/pg/keys.ts and db/pg/tables.ts (docs/adr/0048, 0049); partitions of `event` are not tables
 * of the schema.
 */
interface Shape {
  tables: Record<string, { columns: Record<string, { notNull: boolean }>; primaryKey: string[] }>;
  indexes: Record<string, { table: string; unique: boolean; columns: string[]; partial: boolean }>;
}

function sqliteShape(db: Db): Shape {
  const s = sqliteOf(db);
  const shape: Shape = { tables: {}, indexes: {} };
  const tables = s
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'")
    .all() as { name: string }[];
  for (const { name } of tables) {
    const cols = s.prepare(`PRAGMA table_info("${name}")`).all() as { name: string; notnull: number; pk: number }[];
    shape.tables[name] = {
      // A primary key column is NOT NULL on PostgreSQL; SQLite's rowid alias reports notnull 0.
      columns: Object.fromEntries(cols.map((c) => [c.name, { notNull: c.notnull === 1 || c.pk > 0 }])),
      primaryKey: cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
    };
    const list = s.prepare(`PRAGMA index_list("${name}")`).all() as { name: string; unique: number; origin: string; partial: number }[];
    for (const ix of list) {
      if (ix.origin === "pk") continue;
      const cols = (s.prepare(`PRAGMA index_info("${ix.name}")`).all() as { seqno: number; name: string }[]).sort((a, b) => a.seqno - b.seqno);
      shape.indexes[ix.name] = { table: name, unique: ix.unique === 1, columns: cols.map((c) => c.name), partial: ix.partial === 1 };
    }
  }
  return shape;
}

async function pgShape(db: Db): Promise<Shape> {
  const shape: Shape = { tables: {}, indexes: {} };
  const cols = await pgRows<{ table_name: string; column_name: string; is_nullable: string }>(
    db,
    `SELECT c.table_name, c.column_name, c.is_nullable FROM information_schema.columns c
     JOIN pg_class r ON r.relname = c.table_name AND r.relnamespace = 'public'::regnamespace
     WHERE c.table_schema = 'public' AND NOT r.relispartition ORDER BY c.table_name, c.ordinal_position`,
  );
  for (const c of cols) {
    const t = (shape.tables[c.table_name] ??= { columns: {}, primaryKey: [] });
    t.columns[c.column_name] = { notNull: c.is_nullable === "NO" };
  }
  const indexes = await pgRows<{ table: string; name: string; unique: boolean; primary: boolean; partial: boolean; columns: string[] }>(
    db,
    `SELECT t.relname AS table, i.relname AS name, x.indisunique AS unique, x.indisprimary AS primary,
            x.indpred IS NOT NULL AS partial,
            array(SELECT a.attname::text FROM unnest(x.indkey) WITH ORDINALITY k(attnum, n)
                  JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.n)::text[] AS columns
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = 'public' AND NOT t.relispartition`,
  );
  for (const ix of indexes) {
    if (ix.primary) shape.tables[ix.table].primaryKey = ix.columns;
    else shape.indexes[ix.name] = { table: ix.table, unique: ix.unique, columns: ix.columns, partial: ix.partial };
  }
  return shape;
}

/** The SQLite shape with the documented PostgreSQL departures applied (db/pg/keys.ts). */
function expectedPgShape(sqlite: Shape): Shape {
  const out: Shape = structuredClone(sqlite);
  for (const [table, o] of Object.entries(PG_KEY_OVERRIDES)) {
    if (o.primaryKey) out.tables[table].primaryKey = o.primaryKey;
    for (const col of Object.keys(o.extraColumns ?? {})) out.tables[table].columns[col] = { notNull: true };
    for (const [unique, plain] of Object.entries(o.uniqueToPlain ?? {})) {
      out.indexes[plain] = { ...out.indexes[unique], unique: false };
      delete out.indexes[unique];
    }
  }
  return out;
}

describe("SQLite and PostgreSQL schemas", () => {
  it("agree on tables, columns, nullability, primary keys and indexes after their migrations", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sightline-parity-"));
    const sqlite = openDb(`file:${path.join(dir, "parity.db")}`);
    const postgres = openDb(await freshPgDatabase());
    await postgres.ready();
    try {
      const a = sqliteShape(sqlite);
      const b = await pgShape(postgres);
      for (const t of Object.values(PG_ONLY_TABLES)) {
        expect(b.tables[getTableName(t)], getTableName(t)).toBeDefined();
        delete b.tables[getTableName(t)];
      }
      expect(Object.keys(b.tables).sort()).toEqual(Object.keys(a.tables).sort());
      expect(b).toEqual(expectedPgShape(a));
      // Not vacuous: the departures are real (event keyed with its project, no unique client id).
      expect(b.tables.event.primaryKey).toEqual(["id", "project_id"]);
      expect(a.indexes.event_project_client_uq.unique).toBe(true);
      // Not vacuous: the event table and its partial trace index are there on both.
      expect(a.indexes.event_trace_idx).toEqual({ table: "event", unique: false, columns: ["project_id", "trace_id"], partial: true });
    } finally {
      await sqlite.close();
      await postgres.close();
    }
  });
});
