import { readMigrationFiles } from "drizzle-orm/migrator";
import { MIGRATIONS, type Db } from "./client";
import { sqliteOf } from "./driver";
import { pgRows } from "./pg/driver";
import { MIGRATIONS_PG } from "./pg/open";

/**
 * Migrations in db/migrations that this database has not applied, after a query proving it
 * answers (the readiness check). Compares as Drizzle's migrator does: by the newest applied
 * migration's time.
 */
export async function pendingMigrations(db: Db): Promise<number> {
  if (db.dialect === "postgres") return pendingMigrationsPg(db);
  const s = sqliteOf(db);
  const files = readMigrationFiles({ migrationsFolder: MIGRATIONS });
  const hasTable = s.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  if (!hasTable) return files.length;
  const last = s.prepare<[], number | null>("SELECT max(created_at) FROM __drizzle_migrations").pluck().get();
  return files.filter((m) => last === null || last === undefined || m.folderMillis > last).length;
}

/** The same on PostgreSQL: Drizzle records applied migrations in drizzle.__drizzle_migrations. */
async function pendingMigrationsPg(db: Db): Promise<number> {
  const files = readMigrationFiles({ migrationsFolder: MIGRATIONS_PG });
  const [table] = await pgRows<{ t: string | null }>(db, "SELECT to_regclass('drizzle.__drizzle_migrations')::text AS t");
  if (!table?.t) return files.length;
  const [row] = await pgRows<{ last: string | null }>(db, "SELECT max(created_at)::text AS last FROM drizzle.__drizzle_migrations");
  const last = row?.last === null || row?.last === undefined ? null : Number(row.last);
  return files.filter((m) => last === null || m.folderMillis > last).length;
}
