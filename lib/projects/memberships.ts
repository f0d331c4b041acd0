import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { membership, project, type Role } from "@/db/schema";

export interface ProjectMembership {
  projectId: number;
  slug: string;
  name: string;
  role: Role;
}

const COLUMNS = { projectId: project.id, slug: project.slug, name: project.name, role: membership.role };

export async function listMemberships(db: Db, userId: number): Promise<ProjectMembership[]> {
  return db.orm
    .select(COLUMNS)
    .from(membership)
    .innerJoin(project, eq(project.id, membership.projectId))
    .where(eq(membership.userId, userId))
    .orderBy(asc(project.id));
}

/** The membership for `slug`, or the user's first project when no slug is given. */
export async function findMembership(db: Db, userId: number, slug?: string | null): Promise<ProjectMembership | undefined> {
  if (!slug) return (await listMemberships(db, userId))[0];
  const [row] = await db.orm
    .select(COLUMNS)
    .from(membership)
    .innerJoin(project, eq(project.id, membership.projectId))
    .where(and(eq(membership.userId, userId), eq(project.slug, slug)))
    .limit(1);
  return row;
}

/** Adds the user to the project, or changes their role there. */
export async function setMembership(db: Db, userId: number, projectId: number, role: Role): Promise<void> {
  await db.orm
    .insert(membership)
    .values({ userId, projectId, role, createdAt: Date.now() })
    .onConflictDoUpdate({ target: [membership.userId, membership.projectId], set: { role: sql`excluded.role` } });
}
