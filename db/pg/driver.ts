import type { QueryResult, QueryResultRow } from "pg";
import type { Db } from "../client";

/** A pool, or the one connection of a transaction: what PostgreSQL statements run on. */
export interface Queryable {
  query<R extends QueryResultRow = Record<string, unknown>>(text: string, params?: unknown[]): Promise<QueryResult<R>>;
}

type TransactionRunner = <T>(fn: (tx: Db) => Promise<T>, isolation: "serializable" | "read committed") => Promise<T>;

const drivers = new WeakMap<Db, Queryable>();
const runners = new WeakMap<Db, TransactionRunner>();

export function registerPg(db: Db, q: Queryable, run: TransactionRunner): void {
  drivers.set(db, q);
  runners.set(db, run);
}

/**
 * A transaction at the given isolation (db/ only). READ COMMITTED is for code that locks what
 * it reads itself (the ingest store); everything else uses `db.transaction` (SERIALIZABLE).
 * Retried on serialization failure and deadlock, like `db.transaction`.
 */
export function pgTransaction<T>(db: Db, isolation: "serializable" | "read committed", fn: (tx: Db) => Promise<T>): Promise<T> {
  const run = runners.get(db);
  if (!run) throw new Error(`No PostgreSQL driver behind ${db.url}`);
  return run(fn, isolation);
}

/**
 * The raw PostgreSQL connection behind a handle (db/ only, like `sqliteOf`): inside
 * `db.transaction(…)` the transaction's connection, outside it the pool.
 */
export function pgOf(db: Db): Queryable {
  const q = drivers.get(db);
  if (!q) throw new Error(`No PostgreSQL driver behind ${db.url}`);
  return q;
}

/** Rows of a raw statement. */
export async function pgRows<R extends QueryResultRow>(db: Db, text: string, params: unknown[] = []): Promise<R[]> {
  return (await pgOf(db).query<R>(text, params)).rows;
}
