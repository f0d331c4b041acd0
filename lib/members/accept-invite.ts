import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { invite, project, user } from "@/db/schema";
import { NotFoundError } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword, MIN_PASSWORD_LENGTH } from "@/lib/users/passwords";
import { hashInviteToken } from "./invite-token";

export const acceptInviteSchema = z.object({
  token: z.string().regex(/^[\w-]{43}$/, "not an invite token"),
  password: z.string().min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`).max(200),
});

export interface InviteView {
  email: string;
  projectName: string;
  role: string;
  expiresAt: string;
}

async function liveInvite(db: Db, token: string, now: number) {
  const [row] = await db.orm
    .select({ id: invite.id, userId: invite.userId, projectId: invite.projectId, role: invite.role, expiresAt: invite.expiresAt, email: user.email, projectName: project.name })
    .from(invite)
    .innerJoin(user, eq(user.id, invite.userId))
    .innerJoin(project, eq(project.id, invite.projectId))
    .where(and(eq(invite.tokenHash, hashInviteToken(token)), isNull(invite.acceptedAt), gt(invite.expiresAt, now)))
    .limit(1);
  return row;
}

/** What the acceptance page shows; 404 for unknown, used or expired tokens (indistinguishably). */
export async function findInvite(db: Db, token: string, now = Date.now()): Promise<InviteView> {
  const row = /^[\w-]{43}$/.test(token) ? await liveInvite(db, token, now) : undefined;
  if (!row) throw new NotFoundError("This invite link is not valid (unknown, used or expired)");
  return { email: row.email, projectName: row.projectName, role: row.role, expiresAt: new Date(row.expiresAt).toISOString() };
}

/**
 * The invited person chooses their password: it is set, the invite is used up, and any session
 * of the account (there should be none) ends. No one is signed in here — the page sends them to
 * the login form, so sign-in throttling and auditing apply as for everyone.
 */
export async function acceptInvite(db: Db, input: z.output<typeof acceptInviteSchema>, ctx: { address: string | null; now?: number }): Promise<{ email: string }> {
  const now = ctx.now ?? Date.now();
  const found = await liveInvite(db, input.token, now);
  if (!found) throw new NotFoundError("This invite link is not valid (unknown, used or expired)");
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const used = await tx.orm.update(invite).set({ acceptedAt: now }).where(and(eq(invite.id, found.id), isNull(invite.acceptedAt))).returning({ id: invite.id });
    if (used.length === 0) throw new NotFoundError("This invite link was used already");
    await tx.orm.update(user).set({ passwordHash, sessionVersion: sql`${user.sessionVersion} + 1` }).where(eq(user.id, found.userId));
    await recordAudit(
      { db: tx, projectId: found.projectId, actor: { kind: "member", userId: found.userId, email: found.email, role: found.role, permissions: new Set() }, requestId: `invite:${found.id}`, now: () => now, address: ctx.address },
      { action: "member.invite_accept", target: `user:${found.userId}` },
    );
  });
  return { email: found.email };
}
