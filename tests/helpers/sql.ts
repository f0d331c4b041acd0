import Sqlite from "better-sqlite3";
import pg from "pg";
import type { Db } from "@/db/client";
import { sqliteOf } from "@/db/driver";
import { pgRows } from "@/db/pg/driver";
import { databaseUrl, sqlitePath } from "@/lib/config/env";

/** `?` placeholders → `$1, $2…` (test SQL is written once, in the portable subset). */
const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/** Rows of a raw query (or [] for a statement without rows) on the handle's own connection, on either dialect (tests only). */
export async function sqlRows(db: Db, sql: string, ...args: unknown[]): Promise<Record<string, unknown>[]> {
  if (db.dialect === "postgres") return pgRows(db, numbered(sql), args);
  const stmt = sqliteOf(db).prepare(sql);
  if (!stmt.reader) return (stmt.run(...args), []);
  return stmt.all(...args) as Record<string, unknown>[];
}

/** Rows of a raw query through a new, independent connection to DATABASE_URL ("is it committed?"). */
export async function sqlRowsElsewhere(sql: string, ...args: unknown[]): Promise<Record<string, unknown>[]> {
  const url = databaseUrl();
  if (url.startsWith("postgres")) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(numbered(sql), args)).rows;
    } finally {
      await client.end();
    }
  }
  const other = new Sqlite(sqlitePath(url), { readonly: true });
  try {
    return other.prepare(sql).all(...args) as Record<string, unknown>[];
  } finally {
    other.close();
  }
}

/**
 * Holds the database's write lock from another connection until the returned function is
 * called: SQLite's BEGIN IMMEDIATE; on PostgreSQL an EXCLUSIVE lock on the event table (ingest
 * then waits at its insert, or fails after SIGHTLINE_PG_LOCK_TIMEOUT_MS).
 */
export async function holdWriteLock(): Promise<() => Promise<void>> {
  const url = databaseUrl();
  if (url.startsWith("postgres")) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("BEGIN");
    await client.query("LOCK TABLE event IN EXCLUSIVE MODE");
    return async () => {
      await client.query("ROLLBACK");
      await client.end();
    };
  }
  const other = new Sqlite(sqlitePath(url));
  other.exec("BEGIN IMMEDIATE");
  return async () => {
    other.exec("ROLLBACK");
    other.close();
  };
}
