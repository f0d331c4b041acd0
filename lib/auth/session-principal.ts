import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import type { Db } from "@/db/client";
import { findMembership } from "@/lib/projects/memberships";
import { authSecret } from "./secret";
import type { Principal } from "./principal";
import { ForbiddenError } from "@/lib/api/errors";

/**
 * The signed-in user acting on a project: `?project=<slug>` (or the `x-sightline-project`
 * header) picks it, otherwise the user's first project. Null when there is no valid session.
 */
export async function sessionPrincipal(db: Db, req: NextRequest): Promise<Principal | null> {
  // next-auth names the cookie __Secure-… when the site is served over https.
  const https = req.nextUrl.protocol === "https:" || req.headers.get("x-forwarded-proto") === "https";
  const token = await getToken({ req, secret: authSecret(), secureCookie: https });
  const userId = Number(token?.uid);
  if (!token || !Number.isInteger(userId)) return null;
  const slug = req.nextUrl.searchParams.get("project") ?? req.headers.get("x-sightline-project");
  const m = findMembership(db, userId, slug);
  if (!m) throw new ForbiddenError(slug ? `Not a member of project "${slug}"` : "Not a member of any project");
  return { kind: "session", userId, email: String(token.email ?? ""), projectId: m.projectId, role: m.role };
}
