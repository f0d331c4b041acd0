import { getTableColumns, getTableName, is, SQL, type Column } from "drizzle-orm";
import { customType, foreignKey, index, pgTable, primaryKey, unique, uniqueIndex, check, type PgTable } from "drizzle-orm/pg-core";
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import { PG_KEY_OVERRIDES } from "./keys";

/**
 * The PostgreSQL schema, derived from the SQLite one at module load (docs/adr/0043). SQLite is
 * the schema's one source: a new table in db/schema/ exists on PostgreSQL with no hand-written
 * twin, and drizzle-kit generates its PostgreSQL migration from this derivation
 * (drizzle-pg.config.ts).
 *
 * Every twin column is "storage-compatible": its PostgreSQL type makes node-postgres hand back
 * the same JS value better-sqlite3 would (int8 parsed to a number, jsonb kept as text — the pool
 * sets those parsers, db/pg/open.ts), and its mappers ARE the SQLite column's. So a query may mix
 * twins and SQLite columns (services write `eq(event.projectId, …)` with the SQLite column) and
 * a value reads and writes the same on both dialects.
 */

export type TwinMap = Map<SQLiteTable, PgTable>;

/** SQLite storage class → PostgreSQL type. Integers are bigint: timestamps are milliseconds. */
function pgTypeOf(col: Column, serial: boolean): string {
  const t = col.getSQLType().toLowerCase();
  if (t === "integer") return serial ? "bigserial" : "bigint";
  if (t === "real") return "double precision";
  if (t === "text") return col.columnType === "SQLiteTextJson" ? "jsonb" : "text";
  if (t === "blob") return "bytea";
  if (t === "numeric") return "numeric";
  // A custom SQLite type: its declared SQL type is taken as is.
  return t;
}

function twinColumn(col: Column, serial: boolean, keyOverridden: boolean) {
  if ((col as unknown as { generated?: unknown }).generated) {
    throw new Error(`${getTableName(col.table)}.${col.name}: generated columns have no PostgreSQL derivation yet (db/pg/derive-schema.ts)`);
  }
  const type = customType<{ data: unknown; driverData: unknown }>({
    dataType: () => pgTypeOf(col, serial),
    toDriver: (v) => col.mapToDriverValue(v),
    fromDriver: (v) => col.mapFromDriverValue(v),
  });
  let b = type(col.name);
  if (col.notNull) b = b.notNull();
  if (col.primary && !keyOverridden) b = b.primaryKey();
  if (col.isUnique) b = b.unique(col.uniqueName);
  if (col.hasDefault && col.default !== undefined) {
    // The stored default is the driver form (JSON text, 0/1…), as the SQLite column would write it.
    b = b.default(is(col.default, SQL) ? col.default : col.mapToDriverValue(col.default));
  }
  if (col.defaultFn) b = b.$defaultFn(col.defaultFn);
  if (col.onUpdateFn) b = b.$onUpdateFn(col.onUpdateFn);
  return b;
}

/** One SQLite table's PostgreSQL twin; foreign keys resolve through `twins` lazily. */
function deriveTable(t: SQLiteTable, twins: TwinMap): PgTable {
  const cfg = getTableConfig(t);
  const pkCols = cfg.columns.filter((c) => c.primary);
  const override = PG_KEY_OVERRIDES[cfg.name] ?? {};
  const columns: Record<string, ReturnType<typeof twinColumn>> = {};
  const keyOf = new Map<string, string>();
  for (const [key, col] of Object.entries(getTableColumns(t) as Record<string, Column>)) {
    // A single integer primary key is SQLite's rowid alias, assigned when omitted: bigserial.
    const serial = pkCols.length === 1 && pkCols[0] === col && col.getSQLType() === "integer";
    columns[key] = twinColumn(col, serial, override.primaryKey !== undefined);
    keyOf.set(col.name, key);
  }
  for (const [sqlName, key] of Object.entries(override.extraColumns ?? {})) {
    columns[key] = customType<{ data: number; driverData: number }>({ dataType: () => "bigint" })(sqlName).notNull().default(0) as never;
    keyOf.set(sqlName, key);
  }
  const name = cfg.name;
  return pgTable(name, columns, (pg) => {
    const c = (col: Column | SQL) => (is(col, SQL) ? col : pg[keyOf.get((col as Column).name)!]);
    const extra = [];
    for (const ix of cfg.indexes) {
      const { name: ixName, columns: ixCols, unique: isUnique, where } = ix.config;
      const plain = override.uniqueToPlain?.[ixName];
      const on = (plain ? index(plain) : isUnique ? uniqueIndex(ixName) : index(ixName)).on(...(ixCols.map(c) as [never]));
      extra.push(where ? on.where(where) : on);
    }
    if (override.primaryKey) {
      extra.push(primaryKey({ name: `${name}_pk`, columns: override.primaryKey.map((n) => pg[keyOf.get(n)!]) as [never] }));
    } else {
      for (const pk of cfg.primaryKeys) extra.push(primaryKey({ name: pk.getName(), columns: pk.columns.map(c) as [never] }));
    }
    for (const u of cfg.uniqueConstraints) extra.push(unique(u.getName()).on(...(u.columns.map(c) as [never])));
    for (const ch of cfg.checks) extra.push(check(ch.name, ch.value));
    for (const fk of cfg.foreignKeys) {
      const ref = fk.reference();
      const target = twins.get(ref.foreignTable);
      if (!target) throw new Error(`${name}: foreign key to a table that is not exported from db/schema`);
      const targetCols = getTableColumns(target) as Record<string, Column>;
      const byName = (n: string) => Object.values(targetCols).find((x) => x.name === n)!;
      let b = foreignKey({
        name: fk.getName(),
        columns: ref.columns.map(c) as [never],
        foreignColumns: ref.foreignColumns.map((fc) => byName(fc.name)) as [never],
      });
      if (fk.onDelete) b = b.onDelete(fk.onDelete);
      if (fk.onUpdate) b = b.onUpdate(fk.onUpdate);
      extra.push(b);
    }
    return extra;
  }) as unknown as PgTable;
}

/** Twins of every SQLite table among a module's exports (`import * as schema from "@/db/schema"`). */
export function derivePgSchema(exports: Record<string, unknown>): { twins: TwinMap; tables: Record<string, PgTable> } {
  const twins: TwinMap = new Map();
  const tables: Record<string, PgTable> = {};
  for (const [key, value] of Object.entries(exports)) {
    if (!is(value, SQLiteTable)) continue;
    const twin = deriveTable(value, twins);
    twins.set(value, twin);
    tables[key] = twin;
  }
  return { twins, tables };
}
