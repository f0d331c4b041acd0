import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { closeDb, getDb, type Db } from "@/db/client";
import { createProject } from "@/lib/projects/create-project";
import { createApiKey } from "@/lib/auth/api-keys";
import type { Scope } from "@/db/schema";

/** Points the app at a brand-new SQLite file and returns the migrated handle. */
export function freshDb(): Db {
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
export function makeProject(db: Db, scopes: Scope[] = ["ingest", "read", "admin"]): TestProject {
  const slug = `p${process.pid}-${++seq}`;
  const { id } = createProject(db, { slug, name: slug });
  const { key } = createApiKey(db, { projectId: id, name: "test", scopes });
  return { projectId: id, slug, key };
}
