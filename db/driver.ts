import type Sqlite from "better-sqlite3";
import type { Db } from "./client";

/**
 * The raw driver behind a handle. Only db/ may call this (eslint forbids it elsewhere): the
 * prepared-statement hot paths in db/statements/ and the synchronous ingest transaction.
 * Everything in lib/ and app/ goes through `Db` (Drizzle, `transaction`), so a second
 * dialect is a second implementation of db/, not an edit of every service.
 *
 * Kept on the handle under a registered symbol, not in a module-level map: Next.js bundles
 * this module more than once (instrumentation, each route), and the process-wide handle from
 * `getDb()` must be usable from every copy.
 */
const DRIVER = Symbol.for("sightline.db.sqlite-driver");

export function registerDriver(db: Db, sqlite: Sqlite.Database): void {
  Object.defineProperty(db, DRIVER, { value: sqlite, enumerable: false });
}

export function sqliteOf(db: Db): Sqlite.Database {
  const s = (db as unknown as Record<symbol, Sqlite.Database | undefined>)[DRIVER];
  if (!s) throw new Error(`No SQLite driver behind ${db.url}`);
  return s;
}
