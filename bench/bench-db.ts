import fs from "node:fs";
import { openDb, type Db } from "@/db/client";
import { createApiKey } from "@/lib/auth/api-keys";
import { ensureProject } from "@/lib/projects/create-project";

export function removeDb(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}

/** Migrated database with the price book, the project and a fresh all-scopes key. */
export function prepareDb(file: string, slug: string, init?: (db: Db, projectId: number) => void): { key: string; projectId: number } {
  const db = openDb(`file:${file}`);
  try {
    const { id: projectId } = ensureProject(db, slug);
    init?.(db, projectId);
    const { key } = createApiKey(db, { projectId, name: "bench", scopes: ["ingest", "read", "admin"] });
    db.sqlite.pragma("wal_checkpoint(TRUNCATE)");
    return { key, projectId };
  } finally {
    db.sqlite.close();
  }
}

/** Database file plus WAL, in bytes. */
export function dbBytes(file: string): number {
  return [file, `${file}-wal`].reduce((s, f) => s + (fs.statSync(f, { throwIfNoEntry: false })?.size ?? 0), 0);
}
