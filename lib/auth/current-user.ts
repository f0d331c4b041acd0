import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { findMembership, listMemberships, type ProjectMembership } from "@/lib/projects/memberships";
import { authOptions } from "./auth-options";
import { loginUrlFor, RETURN_TO_HEADER } from "./return-to";

export interface PageUser {
  userId: number;
  email: string;
  project: ProjectMembership;
  projects: ProjectMembership[];
}

/**
 * For server components and pages: the signed-in user and the project in view, or a redirect
 * to /login. Every page calls this; nothing relies on middleware alone.
 */
export async function requirePageUser(projectSlug?: string | null): Promise<PageUser> {
  const session = await getServerSession(authOptions());
  const userId = Number((session?.user as { id?: number } | undefined)?.id);
  if (!session || !Number.isInteger(userId)) redirect(loginUrlFor((await headers()).get(RETURN_TO_HEADER)));
  const db = getDb();
  const project = findMembership(db, userId, projectSlug);
  if (!project) redirect("/login?error=no-project");
  return { userId, email: session.user?.email ?? "", project, projects: listMemberships(db, userId) };
}

