import type { Db } from "./client";
import { sqliteOf } from "./driver";

/**
 * The ingest writer's transaction: synchronous and IMMEDIATE (the write lock is taken at BEGIN,
 * so the rollup sketch read → merge → upsert inside it cannot interleave with another writer,
 * in this process or another one on the same file).
 */
export function immediateTransactionSync<T>(db: Db, fn: () => T): T {
  return sqliteOf(db).transaction(fn).immediate();
}

/** Runs `fn` with synchronous=OFF (bulk seeding only: a crash may lose what it wrote). */
export function withoutFsync<T>(db: Db, fn: () => T): T {
  const s = sqliteOf(db);
  const prev = s.pragma("synchronous", { simple: true });
  s.pragma("synchronous = OFF");
  try {
    return fn();
  } finally {
    s.pragma(`synchronous = ${prev}`);
  }
}
