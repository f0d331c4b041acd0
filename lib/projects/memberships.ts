import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { membership, project, type Role } from "@/db/schema";

export interface ProjectMembership {
  projectId: number;
  slug: string;
  name: string;
  role: Role;
}

export function listMemberships(db: Db, userId: number): ProjectMembership[] {
  return db.orm
    .select({ projectId: project.id, slug: project.slug, name: project.name, role: membership.role })
    .from(membership)
    .innerJoin(project, eq(project.id, membership.projectId))
    .where(eq(membership.userId, userId))
    .orderBy(asc(project.id))
    .all();
}

/** The membership for `slug`, or the user's first project when no slug is given. */
export function findMembership(db: Db, userId: number, slug?: string | null): ProjectMembership | undefined {
  if (!slug) return listMemberships(db, userId)[0];
  return db.orm
    .select({ projectId: project.id, slug: project.slug, name: project.name, role: membership.role })
    .from(membership)
    .innerJoin(project, eq(project.id, membership.projectId))
    .where(and(eq(membership.userId, userId), eq(project.slug, slug)))
    .get();
}

/** Adds the user to the project, or changes their role there. */
export function setMembership(db: Db, userId: number, projectId: number, role: Role): void {
  db.orm
    .insert(membership)
    .values({ userId, projectId, role, createdAt: Date.now() })
    .onConflictDoUpdate({ target: [membership.userId, membership.projectId], set: { role: sql`excluded.role` } })
    .run();
}
