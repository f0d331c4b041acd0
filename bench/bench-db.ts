import { sqliteOf } from "@/db/driver";
import fs from "node:fs";
import { openDb, type Db } from "@/db/client";
import { createApiKey } from "@/lib/auth/api-keys";
import { ensureProject } from "@/lib/projects/create-project";
import { systemContext } from "@/lib/services/context";

export function removeDb(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}

/** Migrated database with the price book, the project and a fresh all-scopes key. */
export async function prepareDb(file: string, slug: string, init?: (db: Db, projectId: number) => void): Promise<{ key: string; projectId: number }> {
  const db = openDb(`file:${file}`);
  try {
    const { id: projectId } = await ensureProject(db, slug);
    init?.(db, projectId);
    const { key } = await createApiKey(systemContext(db, projectId, "bench"), { name: "bench", scopes: ["ingest", "read", "admin"] });
    sqliteOf(db).pragma("wal_checkpoint(TRUNCATE)");
    return { key, projectId };
  } finally {
    db.close();
  }
}

/** A seeded database (bench/reads.ts `seededDb`) that runs copy instead of starting empty. */
export interface SeedTemplate {
  file: string;
  events: number;
}

/**
 * A run's database at `file`: empty, or a copy of `template` — then the key is for the seeded
 * project, whose index entries are the ones new events must land among.
 */
export async function prepareRunDb(file: string, template?: SeedTemplate): Promise<{ key: string; projectId: number }> {
  removeDb(file);
  if (template) fs.copyFileSync(template.file, file);
  return prepareDb(file, template ? "load" : "bench");
}

/** Database file plus WAL, in bytes. */
export function dbBytes(file: string): number {
  return [file, `${file}-wal`].reduce((s, f) => s + (fs.statSync(f, { throwIfNoEntry: false })?.size ?? 0), 0);
}
