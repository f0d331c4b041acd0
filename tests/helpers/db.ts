import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { closeDb, getDb, type Db } from "@/db/client";
import { createProject } from "@/lib/projects/create-project";
import { createApiKey } from "@/lib/auth/api-keys";
import type { Role, Scope } from "@/db/schema";
import { memberActor, systemContext, type ServiceContext } from "@/lib/services/context";

/**
 * Points the app at a brand-new database and returns the migrated handle: a SQLite file, or —
 * in the PostgreSQL test project (SIGHTLINE_TEST_DIALECT=postgres) — a new database in the
 * run's cluster (tests/setup/pg-cluster.global.ts).
 */
export async function freshDb(): Promise<Db> {
  await closeDb();
  process.env.DATABASE_URL = testDialect() === "postgres" ? await freshPgDatabase() : freshSqliteUrl();
  process.env.NEXTAUTH_SECRET = "test-secret-test-secret-test-secret";
  const db = getDb();
  await db.ready();
  return db;
}

/** The dialect this test process runs against. */
export function testDialect(): "sqlite" | "postgres" {
  return process.env.SIGHTLINE_TEST_DIALECT === "postgres" ? "postgres" : "sqlite";
}

function freshSqliteUrl(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sightline-test-"));
  return `file:${path.join(dir, "test.db")}`;
}

let databases = 0;

/** A new, migrated database cloned from the run's template; returns its URL. */
export async function freshPgDatabase(): Promise<string> {
  const admin = process.env.SIGHTLINE_TEST_PG_URL;
  if (!admin) throw new Error("SIGHTLINE_TEST_PG_URL is unset: the PostgreSQL project's global setup did not run");
  const name = `t_${process.pid}_${++databases}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name} TEMPLATE sightline_template`);
  } finally {
    await client.end();
  }
  return admin.replace(/\/[^/]*$/, `/${name}`);
}

export interface TestProject {
  projectId: number;
  slug: string;
  key: string;
}

let seq = 0;

/** A fresh project with a key holding the given scopes (all by default). */
export async function makeProject(db: Db, scopes: Scope[] = ["ingest", "read", "admin"]): Promise<TestProject> {
  const slug = `p${process.pid}-${++seq}`;
  const { id } = await createProject(db, { slug, name: slug });
  const { key } = await createApiKey(systemContext(db, id, "test"), { name: "test", scopes });
  return { projectId: id, slug, key };
}

/** A service context for a test: Sightline itself by default, or a member with `role`. */
export function testContext(db: Db, projectId: number, opts: { now?: number; role?: Role; userId?: number } = {}): ServiceContext {
  const now = opts.now === undefined ? Date.now : () => opts.now!;
  const ctx = systemContext(db, projectId, "test", now);
  if (!opts.role) return ctx;
  return { ...ctx, actor: memberActor({ userId: opts.userId ?? 1, email: `${opts.role}@test.local`, role: opts.role }) };
}
