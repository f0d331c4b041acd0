import type Sqlite from "better-sqlite3";
import type { Db } from "./client";

/**
 * The raw driver behind a handle. Only db/ may call this (eslint forbids it elsewhere): the
 * prepared-statement hot paths in db/statements/ and the synchronous ingest transaction.
 * Everything in lib/ and app/ goes through `Db` (Drizzle, `transaction`), so a second
 * dialect is a second implementation of db/, not an edit of every service.
 */
// On globalThis, not module scope: Next bundles instrumentation.ts and the app's server chunks
// separately, so this module can load twice in one process while getDb() hands both the same
// Db (itself kept on globalThis). A module-level map made every page fail with "No SQLite driver".
type Global = typeof globalThis & { __sightlineDrivers?: WeakMap<Db, Sqlite.Database> };
const drivers = ((globalThis as Global).__sightlineDrivers ??= new WeakMap<Db, Sqlite.Database>());

export function registerDriver(db: Db, sqlite: Sqlite.Database): void {
  drivers.set(db, sqlite);
}

export function sqliteOf(db: Db): Sqlite.Database {
  const s = drivers.get(db);
  if (!s) throw new Error(`No SQLite driver behind ${db.url}`);
  return s;
}
