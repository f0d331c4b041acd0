import { readMigrationFiles } from "drizzle-orm/migrator";
import { MIGRATIONS, type Db } from "./client";

/**
 * Migrations in db/migrations that this database has not applied (the readiness check's
 * "migrated"). Compares as Drizzle's migrator does: by the newest applied migration's time.
 */
export function pendingMigrations(db: Db): number {
  const files = readMigrationFiles({ migrationsFolder: MIGRATIONS });
  const hasTable = db.sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  if (!hasTable) return files.length;
  const last = db.sqlite.prepare("SELECT max(created_at) AS at FROM __drizzle_migrations").get() as { at: number | null };
  return files.filter((m) => last.at === null || m.folderMillis > last.at).length;
}
