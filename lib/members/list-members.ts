import { and, asc, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { invite, membership, user } from "@/db/schema";
import { NotFoundError } from "@/lib/api/errors";
import { authorize, type ServiceContext } from "@/lib/services/context";
import type { Member } from "./schemas";

async function memberRows(db: Db, projectId: number, now: number, userId?: number): Promise<Member[]> {
  const rows = await db.orm
    .select({ userId: user.id, email: user.email, name: user.name, role: membership.role, disabledAt: user.disabledAt, joinedAt: membership.createdAt })
    .from(membership)
    .innerJoin(user, eq(user.id, membership.userId))
    .where(and(eq(membership.projectId, projectId), userId === undefined ? undefined : eq(membership.userId, userId)))
    .orderBy(asc(user.email));
  const pending = new Set(
    (
      await db.orm
        .select({ userId: invite.userId })
        .from(invite)
        .where(and(eq(invite.projectId, projectId), isNull(invite.acceptedAt), gt(invite.expiresAt, now)))
    ).map((r) => r.userId),
  );
  return rows.map((r) => ({
    userId: r.userId, email: r.email, name: r.name, role: r.role, disabled: r.disabledAt !== null,
    invitePending: pending.has(r.userId), joinedAt: new Date(r.joinedAt).toISOString(),
  }));
}

/** Members of the context's project, by e-mail. Reading the list is part of managing it (admins). */
export async function listMembers(ctx: ServiceContext): Promise<Member[]> {
  authorize(ctx, "members:manage");
  return memberRows(ctx.db, ctx.projectId, ctx.now());
}

export async function getMember(db: Db, projectId: number, userId: number, now: number): Promise<Member> {
  const [m] = await memberRows(db, projectId, now, userId);
  if (!m) throw new NotFoundError(`User ${userId} is not a member of this project`);
  return m;
}
