import path from "node:path";

/**
 * Every environment variable Sightline reads, in one place (documented in README.md).
 * Read lazily so tests can point the process at a fresh database between cases.
 */
export function databaseUrl(): string {
  return process.env.DATABASE_URL || "file:./data/sightline.db";
}

/**
 * Filesystem path of the SQLite database named by DATABASE_URL (`file:` prefix optional).
 * Any other scheme (postgres://, mysql://, a typo) fails loudly: it must never become a file
 * named "postgres:" in the working directory.
 */
export function sqlitePath(url = databaseUrl()): string {
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme && scheme !== "file") {
    throw new Error(`DATABASE_URL: unsupported scheme "${scheme}:" — use file:<path> (SQLite)`);
  }
  const p = url.startsWith("file:") ? url.slice("file:".length) : url;
  return p === ":memory:" ? p : path.resolve(p);
}

/** Directory holding the database and generated local secrets. */
export function dataDir(): string {
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
