import path from "node:path";

/**
 * Every environment variable Sightline reads, in one place (documented in README.md).
 * Read lazily so tests can point the process at a fresh database between cases.
 */
export function databaseUrl(): string {
  return process.env.DATABASE_URL || "file:./data/sightline.db";
}

export type Dialect = "sqlite" | "postgres";

/**
 * Which database DATABASE_URL names: `postgres://` or `postgresql://` is PostgreSQL, `file:` (or
 * a bare path, or nothing) is SQLite. Any other scheme (mysql://, a typo) fails loudly: it must
 * never become a file named "mysql:" in the working directory.
 */
export function databaseDialect(url = databaseUrl()): Dialect {
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === "postgres" || scheme === "postgresql") return "postgres";
  if (scheme && scheme !== "file") {
    throw new Error(`DATABASE_URL: unsupported scheme "${scheme}:" — use file:<path> (SQLite) or postgres://… (PostgreSQL)`);
  }
  return "sqlite";
}

/** Filesystem path of the SQLite database named by DATABASE_URL (`file:` prefix optional). */
export function sqlitePath(url = databaseUrl()): string {
  if (databaseDialect(url) !== "sqlite") throw new Error("DATABASE_URL names a PostgreSQL database, not a SQLite file");
  const p = url.startsWith("file:") ? url.slice("file:".length) : url;
  return p === ":memory:" ? p : path.resolve(p);
}

/** Directory holding the database and generated local secrets. */
export function dataDir(): string {
  if (databaseDialect() === "postgres") return path.resolve(process.env.SIGHTLINE_DATA_DIR || "data");
  const p = sqlitePath();
  return p === ":memory:" ? path.resolve("data") : path.dirname(p);
}

export function intEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n)) throw new Error(`${name} must be a number, got "${raw}"`);
  return n;
}

/** SQLite synchronous mode for the server: FULL makes every acknowledged batch survive power loss. */
export function sqliteSynchronous(): "FULL" | "NORMAL" | "OFF" {
  const v = (process.env.SIGHTLINE_SQLITE_SYNCHRONOUS || "FULL").toUpperCase();
  if (v !== "FULL" && v !== "NORMAL" && v !== "OFF") {
    throw new Error(`SIGHTLINE_SQLITE_SYNCHRONOUS must be FULL, NORMAL or OFF, got "${v}"`);
  }
  return v;
}

/** Ingest is stored on a writer thread unless SIGHTLINE_INGEST_WORKER=0 (lib/ingest/writer/). */
export function ingestOnWorker(): boolean {
  return process.env.SIGHTLINE_INGEST_WORKER !== "0";
}

/** Connections per process to PostgreSQL (each app instance holds up to this many; docs/scaling.md). */
export function pgPoolSize(): number {
  const n = intEnv("SIGHTLINE_PG_POOL_SIZE", 10);
  if (!Number.isInteger(n) || n < 1) throw new Error(`SIGHTLINE_PG_POOL_SIZE must be a positive integer, got "${n}"`);
  return n;
}

/**
 * How long a PostgreSQL statement waits for a row or table lock before failing (answered 503,
 * like SQLite's busy timeout): SQLITE_BUSY's counterpart.
 */
export function pgLockTimeoutMs(): number {
  return intEnv("SIGHTLINE_PG_LOCK_TIMEOUT_MS", 5000);
}

/**
 * Days an ingested client id is remembered for deduplication on PostgreSQL (docs/adr/0048): a
 * resend within this window is stored and counted once.
 */
export function idempotencyWindowDays(): number {
  const n = intEnv("SIGHTLINE_IDEMPOTENCY_WINDOW_DAYS", 7);
  if (!(n > 0)) throw new Error(`SIGHTLINE_IDEMPOTENCY_WINDOW_DAYS must be a positive number, got "${n}"`);
  return n;
}
