/**
 * Database errors that mean "nothing was written, try again shortly" (answered 503 with
 * Retry-After): SQLite's write lock held past the busy timeout, and PostgreSQL's deadlock,
 * serialization failure, lock timeout, too many connections and server starting up.
 */
const BUSY = new Set(["SQLITE_BUSY", "SQLITE_LOCKED", "40P01", "40001", "55P03", "53300", "57P03"]);

export function isBusyCode(code: unknown): code is string {
  return typeof code === "string" && BUSY.has(code);
}
