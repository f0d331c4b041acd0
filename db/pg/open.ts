import path from "node:path";
import pg from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type { Db, Orm } from "../client";
import { dbErrorCode } from "../busy";
import { pgLockTimeoutMs } from "@/lib/config/env";
import { registerPg, type Queryable } from "./driver";
import { swapTables } from "./orm-proxy";
import { pgSchema } from "./schema";

export const MIGRATIONS_PG = path.join(process.cwd(), "db", "migrations-pg");
const MIGRATIONS = MIGRATIONS_PG;
/** Any constant: the advisory lock that serialises concurrent instances' migrations. */
const MIGRATION_LOCK = 7_412_003;

// Storage-compatible values (db/pg/derive-schema.ts): node-postgres must hand back what
// better-sqlite3 would. int8 → number (every integer column is bigint; ids and millisecond
// timestamps stay far below 2^53), json/jsonb → the JSON text (the SQLite column's mapper
// parses it). Drizzle's node-postgres session falls back to these global parsers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.JSONB, (v) => v);
pg.types.setTypeParser(pg.types.builtins.JSON, (v) => v);
// sum() of bigint is numeric: a number, as SQLite answers (no column is numeric-typed but a
// custom one, and Drizzle maps numeric through String either way).
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export interface PgOpenOptions {
  poolSize: number;
  migrate?: boolean;
}

/** Applies db/migrations-pg on one connection, one instance at a time (advisory lock). */
export async function migratePg(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS });
  } finally {
    await client.end();
  }
}

/** Serialization failure and deadlock: the transaction did nothing and may run again. */
const RETRYABLE = new Set(["40001", "40P01"]);
const ATTEMPTS = 30;

export type Isolation = "serializable" | "read committed";

/**
 * The PostgreSQL implementation of `Db` (db/client.ts). Statements run on a pool of
 * `poolSize` connections; `transaction` takes one connection for its whole callback (which may
 * await anything: unlike SQLite's, this connection is not shared), nested calls are savepoints.
 *
 * `transaction` is SERIALIZABLE and re-runs its callback after a serialization failure or a
 * deadlock (a callback does only database work, so running it again is safe): services get
 * the guarantee SQLite's IMMEDIATE transactions give them — as if one ran after the other —
 * without a lost update under concurrency (docs/adr/0043). The ingest store, which locks its
 * rows explicitly, uses READ COMMITTED (`pgTransaction`).
 * Migration runs in the background at open; every statement waits for it.
 */
export function openPgDb(url: string, opts: PgOpenOptions): Db {
  const pool = new pg.Pool({ connectionString: url, max: opts.poolSize, options: `-c lock_timeout=${pgLockTimeoutMs()}` });
  // An idle connection dropped by the server must not crash the process; the pool replaces it.
  pool.on("error", (err) => console.error("[sightline] PostgreSQL connection lost", err.message));
  const ready = opts.migrate === false ? Promise.resolve() : migratePg(url);
  ready.catch(() => undefined); // reported by the first statement that waits on it
  const memo = new Map<string, unknown>();
  let open = true;
  let savepoints = 0;

  const top: Queryable = {
    query: async (text: unknown, params?: unknown[]) => {
      await ready;
      return pool.query(text as string, params);
    },
  } as Queryable;

  const handle = (q: Queryable, client: pg.PoolClient | null): Db => {
    const orm = swapTables(drizzle({ client: q as unknown as pg.Pool, schema: pgSchema.tables }), pgSchema.twins) as unknown as Orm;
    const db: Db = {
      url,
      dialect: "postgres",
      orm,
      memo,
      transaction: (fn) => (client ? nested(client, () => fn(db)) : retried(fn, "serializable")),
      isOpen: () => open,
      close: async () => {
        if (!open) return;
        open = false;
        await pool.end();
      },
      ready: () => ready,
    };
    registerPg(db, q, (fn, isolation) => (client ? nested(client, () => fn(db)) : retried(fn, isolation)));
    return db;
  };

  const retried = async <T>(fn: (tx: Db) => Promise<T>, isolation: Isolation): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await outer(fn, isolation);
      } catch (err) {
        const code = dbErrorCode(err);
        if (attempt >= ATTEMPTS || code === undefined || !RETRYABLE.has(code)) throw err;
        // Jittered backoff: the transactions that collided should not collide again.
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(2 ** attempt, 100)));
      }
    }
  };

  const outer = async <T>(fn: (tx: Db) => Promise<T>, isolation: Isolation): Promise<T> => {
    await ready;
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query(`BEGIN ISOLATION LEVEL ${isolation === "serializable" ? "SERIALIZABLE" : "READ COMMITTED"}`);
      const value = await fn(handle(client as unknown as Queryable, client));
      await client.query("COMMIT");
      return value;
    } catch (err) {
      await client.query("ROLLBACK").catch((e: Error) => (broken = e));
      throw err;
    } finally {
      client.release(broken);
    }
  };

  const nested = async <T>(client: pg.PoolClient, fn: () => Promise<T>): Promise<T> => {
    const name = `sp${++savepoints}`;
    await client.query(`SAVEPOINT ${name}`);
    try {
      const value = await fn();
      await client.query(`RELEASE SAVEPOINT ${name}`);
      return value;
    } catch (err) {
      await client.query(`ROLLBACK TO SAVEPOINT ${name}`);
      await client.query(`RELEASE SAVEPOINT ${name}`);
      throw err;
    }
  };

  return handle(top, null);
}
