import type Sqlite from "better-sqlite3";
import type { Db } from "./client";

/**
 * The raw driver behind a handle. Only db/ may call this (eslint forbids it elsewhere): the
 * prepared-statement hot paths in db/statements/ and the synchronous ingest transaction.
 * Everything in lib/ and app/ goes through `Db` (Drizzle, `transaction`), so a second
 * dialect is a second implementation of db/, not an edit of every service.
 */
const drivers = new WeakMap<Db, Sqlite.Database>();

export function registerDriver(db: Db, sqlite: Sqlite.Database): void {
  drivers.set(db, sqlite);
}

export function sqliteOf(db: Db): Sqlite.Database {
  const s = drivers.get(db);
  if (!s) throw new Error(`No SQLite driver behind ${db.url}`);
  return s;
}
