import fs from "node:fs";
import path from "node:path";
import Sqlite from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";
import { registerDriver } from "./driver";
import { SqliteTransactions } from "./sqlite-transaction";
import { databaseDialect, databaseUrl, ingestOnWorker, intEnv, pgPoolSize, sqlitePath, sqliteSynchronous, type Dialect } from "@/lib/config/env";
import { openPgDb } from "./pg/open";

export type Orm = BetterSQLite3Database<typeof schema>;

/**
 * The one door to storage. Services receive it in their context (lib/services/context.ts)
 * and use `orm` (Drizzle, always awaited: `await db.orm.select()…`, never `.get()/.all()/.run()`,
 * which exist on one driver only) and `transaction`, the only way to open a transaction.
 * The driver itself stays in db/ (db/driver.ts); hot paths use prepared statements built in
 * db/statements/. PostgreSQL is the second implementation (db/pg/open.ts): the same SQLite
 * tables work there through derived twins (docs/adr/0043), and each statement of
 * db/statements/ has a PostgreSQL sibling behind the same function.
 */
export interface Db {
  readonly url: string;
  readonly dialect: Dialect;
  readonly orm: Orm;
  /** Per-database memo for caches that must not outlive the handle (ids, keys, prices). */
  readonly memo: Map<string, unknown>;
  /**
   * Runs `fn` in one transaction (IMMEDIATE on SQLite: the write lock is taken at BEGIN) and
   * commits when it resolves, rolls back when it throws. Nested calls are savepoints. On
   * SQLite the callback may await only database work (db/sqlite-transaction.ts); on
   * PostgreSQL it runs on one pooled connection at READ COMMITTED.
   */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /** Resolves once the database is migrated and usable (at once on SQLite). */
  ready(): Promise<void>;
  isOpen(): boolean;
  close(): Promise<void>;
}

export const MIGRATIONS = path.join(process.cwd(), "db", "migrations");

export interface OpenOptions {
  synchronous?: "FULL" | "NORMAL" | "OFF";
  cacheMb?: number;
  /** Memory-map this much of the file for reads (0: off). */
  mmapMb?: number;
  migrate?: boolean;
  /** PostgreSQL: connections in this handle's pool (default SIGHTLINE_PG_POOL_SIZE). */
  poolSize?: number;
}

export function openDb(url = databaseUrl(), opts: OpenOptions = {}): Db {
  if (databaseDialect(url) === "postgres") return openPgDb(url, { poolSize: opts.poolSize ?? pgPoolSize(), migrate: opts.migrate });
  const file = sqlitePath(url);
  if (file !== ":memory:") protectDatabaseFile(file);
  const sqlite = new Sqlite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma(`synchronous = ${opts.synchronous ?? sqliteSynchronous()}`);
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma(`busy_timeout = ${intEnv("SIGHTLINE_SQLITE_BUSY_TIMEOUT_MS", 5000)}`);
  // Negative cache_size is KiB. Sized for the connection that stores ingest (the writer
  // thread's): random client ids write the unique (project, client id) index at random
  // positions, and a larger cache keeps more of it. 64 MB keeps the server under its RSS
  // budget with two connections (docs/benchmarks.md).
  const cacheMb = opts.cacheMb ?? intEnv("SIGHTLINE_SQLITE_CACHE_MB", 64);
  sqlite.pragma(`cache_size = -${Math.round(cacheMb * 1024)}`);
  sqlite.pragma("temp_store = MEMORY");
  // Checkpoint every ~40 MB of WAL instead of ~4 MB: pages re-dirtied by consecutive ingest
  // batches are then copied back once, not once per few batches (~25% less time per batch,
  // docs/benchmarks.md).
  sqlite.pragma("wal_autocheckpoint = 10000");
  sqlite.pragma(`mmap_size = ${(opts.mmapMb ?? 256) * 1024 * 1024}`);
  const orm = drizzle(sqlite, { schema });
  const txs = new SqliteTransactions(sqlite);
  const db: Db = {
    url,
    dialect: "sqlite",
    orm,
    memo: new Map(),
    // Same connection inside and outside: the handle passed to `fn` is this one.
    transaction: (fn) => txs.run(() => fn(db)),
    ready: () => Promise.resolve(),
    isOpen: () => sqlite.open,
    close: async () => {
      if (sqlite.open) sqlite.close();
    },
  };
  registerDriver(db, sqlite);
  if (opts.migrate !== false) runMigrations(db);
  return db;
}

/**
 * Prompts, outputs and user data live in this file: the directory is created 0700 and the
 * file 0600 before SQLite opens it (SQLite gives the -wal and -shm files the database file's
 * mode). An existing directory keeps its mode — it may be shared, like /tmp.
 */
function protectDatabaseFile(file: string): void {
  const dir = path.dirname(file);
  if (!fs.existsSync(dir)) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.closeSync(fs.openSync(file, "a", 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      fs.chmodSync(f, 0o600);
    } catch {
      // absent (-wal/-shm before first open) or not ours to change: leave it
    }
  }
}

export function runMigrations(db: Db): void {
  if (db.dialect !== "sqlite") throw new Error("runMigrations is SQLite's; PostgreSQL migrates at open (db/pg/open.ts)");
  migrate(db.orm, { migrationsFolder: MIGRATIONS });
}

type Global = typeof globalThis & { __sightlineDb?: Db };

/**
 * Process-wide handle for DATABASE_URL. Reopened when DATABASE_URL changes, so a test can
 * point the app at a fresh file per case.
 */
export function getDb(): Db {
  const g = globalThis as Global;
  const url = databaseUrl();
  if (g.__sightlineDb && g.__sightlineDb.url === url && g.__sightlineDb.isOpen()) return g.__sightlineDb;
  void g.__sightlineDb?.close();
  // With the ingest writer thread on, this connection mostly reads (through the memory map)
  // and the writer's connection holds the big page cache: one large cache, not two (RSS).
  g.__sightlineDb = openDb(url, ingestOnWorker() && databaseDialect(url) === "sqlite" ? { cacheMb: Math.min(32, intEnv("SIGHTLINE_SQLITE_CACHE_MB", 64)) } : {});
  return g.__sightlineDb;
}

export async function closeDb(): Promise<void> {
  const g = globalThis as Global;
  const db = g.__sightlineDb;
  g.__sightlineDb = undefined;
  await db?.close();
}

/** Memoise a value on the database handle. */
export function memo<T>(db: Db, key: string, make: () => T): T {
  let v = db.memo.get(key) as T | undefined;
  if (v === undefined) {
    v = make();
    db.memo.set(key, v);
  }
  return v;
}

export { schema };
