/**
 * Database errors that mean "nothing was written, try again shortly" (answered 503 with
 * Retry-After): SQLite's write lock held past the busy timeout, and PostgreSQL's deadlock,
 * serialization failure, lock timeout, too many connections and server starting up.
 */
const BUSY = new Set(["SQLITE_BUSY", "SQLITE_LOCKED", "40P01", "40001", "55P03", "53300", "57P03"]);

export function isBusyCode(code: unknown): code is string {
  return typeof code === "string" && BUSY.has(code);
}

/** The database's error code of `err`, looking through Drizzle's wrapper ("Failed query: …", the driver's error as `cause`). */
export function dbErrorCode(err: unknown): string | undefined {
  for (let e = err, depth = 0; e && typeof e === "object" && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}
