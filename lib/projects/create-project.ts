import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { project } from "@/db/schema";
import { ConflictError, ValidationError } from "@/lib/api/errors";

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * Projects are instance-level (they are what a service context is scoped to), so these take
 * the handle, not a context: they run from the CLI, headless init and the demo seed.
 */
export async function createProject(db: Db, input: { slug: string; name?: string }): Promise<{ id: number }> {
  if (!SLUG.test(input.slug)) {
    throw new ValidationError("Invalid project slug", [
      { path: "slug", message: "lowercase letters, digits and dashes, at most 63 characters" },
    ]);
  }
  const [row] = await db.orm
    .insert(project)
    .values({ slug: input.slug, name: input.name ?? input.slug, createdAt: Date.now() })
    .onConflictDoNothing()
    .returning({ id: project.id });
  if (!row) throw new ConflictError(`Project "${input.slug}" already exists`);
  return row;
}

export async function findProjectBySlug(db: Db, slug: string) {
  const [row] = await db.orm.select().from(project).where(eq(project.slug, slug)).limit(1);
  return row;
}

/** Idempotent: returns the existing project when the slug is taken. */
export async function ensureProject(db: Db, slug: string, name?: string): Promise<{ id: number; created: boolean }> {
  const existing = await findProjectBySlug(db, slug);
  if (existing) return { id: existing.id, created: false };
  return { ...(await createProject(db, { slug, name })), created: true };
}
