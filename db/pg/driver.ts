import type { QueryResult, QueryResultRow } from "pg";
import type { Db } from "../client";

/** A pool, or the one connection of a transaction: what PostgreSQL statements run on. */
export interface Queryable {
  query<R extends QueryResultRow = Record<string, unknown>>(text: string, params?: unknown[]): Promise<QueryResult<R>>;
}

type TransactionRunner = <T>(fn: (tx: Db) => Promise<T>, isolation: "serializable" | "read committed") => Promise<T>;

/**
 * Kept on the handle under a global symbol, not in a module-level map: Next.js may bundle this
 * module into several server chunks, and each copy would have its own map (a handle registered
 * through one copy was then unknown to another: "No PostgreSQL driver behind …").
 */
const PG = Symbol.for("sightline.pg-driver");

interface Registered {
  q: Queryable;
  run: TransactionRunner;
}

const registered = (db: Db): Registered | undefined => (db as unknown as Record<symbol, Registered | undefined>)[PG];

export function registerPg(db: Db, q: Queryable, run: TransactionRunner): void {
  Object.defineProperty(db, PG, { value: { q, run }, enumerable: false });
}

/**
 * A transaction at the given isolation (db/ only). READ COMMITTED is for code that locks what
 * it reads itself (the ingest store); everything else uses `db.transaction` (SERIALIZABLE).
 * Retried on serialization failure and deadlock, like `db.transaction`.
 */
export function pgTransaction<T>(db: Db, isolation: "serializable" | "read committed", fn: (tx: Db) => Promise<T>): Promise<T> {
  const r = registered(db);
  if (!r) throw new Error(`No PostgreSQL driver behind ${db.url}`);
  return r.run(fn, isolation);
}

/**
 * The raw PostgreSQL connection behind a handle (db/ only, like `sqliteOf`): inside
 * `db.transaction(…)` the transaction's connection, outside it the pool.
 */
export function pgOf(db: Db): Queryable {
  const r = registered(db);
  if (!r) throw new Error(`No PostgreSQL driver behind ${db.url}`);
  return r.q;
}

/** Rows of a raw statement. */
export async function pgRows<R extends QueryResultRow>(db: Db, text: string, params: unknown[] = []): Promise<R[]> {
  return (await pgOf(db).query<R>(text, params)).rows;
}
