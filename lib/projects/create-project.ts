import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { project } from "@/db/schema";
import { ConflictError, ValidationError } from "@/lib/api/errors";

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

export function createProject(db: Db, input: { slug: string; name?: string }): { id: number } {
  if (!SLUG.test(input.slug)) {
    throw new ValidationError("Invalid project slug", [
      { path: "slug", message: "lowercase letters, digits and dashes, at most 63 characters" },
    ]);
  }
  if (findProjectBySlug(db, input.slug)) throw new ConflictError(`Project "${input.slug}" already exists`);
  return db.orm
    .insert(project)
    .values({ slug: input.slug, name: input.name ?? input.slug, createdAt: Date.now() })
    .returning({ id: project.id })
    .get();
}

export function findProjectBySlug(db: Db, slug: string) {
  return db.orm.select().from(project).where(eq(project.slug, slug)).get();
}

/** Idempotent: returns the existing project when the slug is taken. */
export function ensureProject(db: Db, slug: string, name?: string): { id: number; created: boolean } {
  const existing = findProjectBySlug(db, slug);
  if (existing) return { id: existing.id, created: false };
  return { ...createProject(db, { slug, name }), created: true };
}
