import { randomUUID } from "node:crypto";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { findMembership, listMemberships, type ProjectMembership } from "@/lib/projects/memberships";
import { memberActor, type ServiceContext } from "@/lib/services/context";
import { authOptions } from "./auth-options";
import { loginUrlFor, RETURN_TO_HEADER } from "./return-to";

export interface PageUser {
  userId: number;
  email: string;
  project: ProjectMembership;
  projects: ProjectMembership[];
  /** The service context of this page view: pass it to services as API routes do. */
  ctx: ServiceContext;
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
  const project = await findMembership(db, userId, projectSlug);
  if (!project) redirect("/login?error=no-project");
  const email = session.user?.email ?? "";
  const ctx: ServiceContext = {
    db, projectId: project.projectId, actor: memberActor({ userId, email, role: project.role }), requestId: randomUUID(), now: Date.now,
  };
  return { userId, email, project, projects: await listMemberships(db, userId), ctx };
}

