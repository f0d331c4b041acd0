import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import type { Db } from "@/db/client";
import { findMembership } from "@/lib/projects/memberships";
import { memberActor, type Actor } from "@/lib/services/context";
import { ForbiddenError } from "@/lib/api/errors";
import { authSecret } from "./secret";
import { activeSessionUser } from "./session-check";

/**
 * The signed-in member acting on a project: `?project=<slug>` (or the `x-sightline-project`
 * header) picks it, otherwise the user's first project. Null when there is no valid session.
 */
export async function sessionActor(db: Db, req: NextRequest): Promise<{ actor: Actor; projectId: number } | null> {
  // next-auth names the cookie __Secure-… when the site is served over https.
  const https = req.nextUrl.protocol === "https:" || req.headers.get("x-forwarded-proto") === "https";
  const token = await getToken({ req, secret: authSecret(), secureCookie: https });
  const userId = Number(token?.uid);
  if (!token || !Number.isInteger(userId)) return null;
  if (!(await activeSessionUser(db, { uid: token.uid, sv: token.sv }))) return null; // disabled, or signed out everywhere
  const slug = req.nextUrl.searchParams.get("project") ?? req.headers.get("x-sightline-project");
  const m = await findMembership(db, userId, slug);
  if (!m) throw new ForbiddenError(slug ? `Not a member of project "${slug}"` : "Not a member of any project");
  return { actor: memberActor({ userId, email: String(token.email ?? ""), role: m.role }), projectId: m.projectId };
}
