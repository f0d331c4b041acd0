import type { QueryResult, QueryResultRow } from "pg";
import type { Db } from "../client";

/** A pool, or the one connection of a transaction: what PostgreSQL statements run on. */
export interface Queryable {
  query<R extends QueryResultRow = Record<string, unknown>>(text: string, params?: unknown[]): Promise<QueryResult<R>>;
}

const drivers = new WeakMap<Db, Queryable>();

export function registerPg(db: Db, q: Queryable): void {
  drivers.set(db, q);
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
