import { readMigrationFiles } from "drizzle-orm/migrator";
import { MIGRATIONS, type Db } from "./client";
import { sqliteOf } from "./driver";

/**
 * Migrations in db/migrations that this database has not applied, after a query proving it
 * answers (the readiness check). Compares as Drizzle's migrator does: by the newest applied
 * migration's time.
 */
export async function pendingMigrations(db: Db): Promise<number> {
  const s = sqliteOf(db);
  const files = readMigrationFiles({ migrationsFolder: MIGRATIONS });
  const hasTable = s.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  if (!hasTable) return files.length;
  const last = s.prepare<[], number | null>("SELECT max(created_at) FROM __drizzle_migrations").pluck().get();
  return files.filter((m) => last === null || last === undefined || m.folderMillis > last).length;
}
