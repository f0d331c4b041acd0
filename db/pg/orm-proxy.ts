import { entityKind, getTableName, is } from "drizzle-orm";
import { alias, type PgTable } from "drizzle-orm/pg-core";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { TwinMap } from "./derive-schema";

/**
 * Services are written once, against the SQLite tables of db/schema (docs/adr/0043). On
 * PostgreSQL the handle's Drizzle instance is wrapped so that a SQLite table handed to
 * `select().from()`, a join, `insert`, `update`, `delete` or `$count` is replaced by its derived
 * twin. Columns need no swap: a SQLite column renders as `"table"."column"` in any dialect, and
 * its twin's mappers are the SQLite column's own (db/pg/derive-schema.ts).
 */
/** Drizzle's (untyped) symbol for the table an alias was made from. */
const ORIGINAL_NAME = Symbol.for("drizzle:OriginalName");

export function swapTables<T extends object>(target: T, twins: TwinMap): T {
  const swap = (arg: unknown): unknown => {
    if (!is(arg, SQLiteTable)) return arg;
    const direct = twins.get(arg);
    if (direct) return direct;
    // By name: an alias (`alias(table, "x")`, a proxy of its table) gets the twin aliased the
    // same way; a second copy of db/schema (a bundler's duplicate chunk) the twin itself.
    const original = (arg as unknown as Record<symbol, string>)[ORIGINAL_NAME];
    const name = getTableName(arg);
    for (const [sqlite, pg] of twins) {
      if (getTableName(sqlite) === original) return name === original ? pg : alias(pg as PgTable, name);
    }
    throw new Error(`Table ${name} is not exported from db/schema, so it has no PostgreSQL twin`);
  };
  const wrap = (value: unknown): unknown => {
    // Only Drizzle's own builders are wrapped (never promises or results).
    if (typeof value !== "object" || value === null || value instanceof Promise) return value;
    const ctor = (value as { constructor?: unknown }).constructor as Record<symbol, unknown> | undefined;
    if (!ctor || !(entityKind in ctor)) return value;
    return swapTables(value, twins);
  };
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const v = Reflect.get(obj, prop, receiver);
      if (typeof v !== "function" || prop === "then" || prop === "constructor") return v;
      return (...args: unknown[]) => wrap((v as (...a: unknown[]) => unknown).apply(obj, args.map(swap)));
    },
  });
}
