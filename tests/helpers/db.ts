import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb, getDb, type Db } from "@/db/client";
import { createProject } from "@/lib/projects/create-project";
import { createApiKey } from "@/lib/auth/api-keys";
import type { Role, Scope } from "@/db/schema";
import { memberActor, systemContext, type ServiceContext } from "@/lib/services/context";

/** Points the app at a brand-new SQLite file and returns the migrated handle. */
export async function freshDb(): Promise<Db> {
  closeDb();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sightline-test-"));
  process.env.DATABASE_URL = `file:${path.join(dir, "test.db")}`;
  process.env.NEXTAUTH_SECRET = "test-secret-test-secret-test-secret";
  const db = getDb();
  return db;
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
