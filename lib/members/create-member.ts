import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { invite, membership, user } from "@/db/schema";
import { ConflictError } from "@/lib/api/errors";
import { inTransaction, recordAudit } from "@/lib/audit/record-audit";
import { setMembership } from "@/lib/projects/memberships";
import { authorize, type ServiceContext } from "@/lib/services/context";
import { hashPassword } from "@/lib/users/passwords";
import { generateInviteToken, hashInviteToken, INVITE_TTL_MS, invitePath } from "./invite-token";
import { getMember } from "./list-members";
import type { CreateMemberInput, CreateMemberResult } from "./schemas";

/**
 * Adds a member to the context's project. A new e-mail creates the user: with a password it
 * can sign in at once; without one it gets an unusable password and an invite link (shown
 * once) to choose it. An existing user is simply added with the role (409 if already a member).
 */
export async function createMember(ctx: ServiceContext, input: CreateMemberInput, opts: { origin?: string } = {}): Promise<CreateMemberResult> {
  authorize(ctx, "members:manage");
  // bcrypt before the transaction: a transaction awaits only database work.
  const passwordHash = await hashPassword(input.password ?? randomBytes(32).toString("base64url"));
  const token = input.password ? null : generateInviteToken();
  const now = ctx.now();
  const { userId, created } = await ctx.db.transaction(async (tx) => {
    const [existing] = await tx.orm.select({ id: user.id }).from(user).where(eq(user.email, input.email)).limit(1);
    if (existing) {
      const [already] = await tx.orm
        .select({ role: membership.role })
        .from(membership)
        .where(and(eq(membership.userId, existing.id), eq(membership.projectId, ctx.projectId)))
        .limit(1);
      if (already) throw new ConflictError(`${input.email} is already a member (role ${already.role})`);
    }
    const id = existing
      ? existing.id
      : (await tx.orm.insert(user).values({ email: input.email, passwordHash, createdAt: now }).returning({ id: user.id }))[0].id;
    await setMembership(tx, id, ctx.projectId, input.role);
    if (token && !existing) {
      await tx.orm.insert(invite).values({
        tokenHash: hashInviteToken(token), userId: id, projectId: ctx.projectId, role: input.role,
        createdBy: ctx.actor.kind === "member" ? ctx.actor.userId : null, createdAt: now, expiresAt: now + INVITE_TTL_MS,
      });
    }
    await recordAudit(inTransaction(ctx, tx), {
      action: "member.create", target: `user:${id}`, after: { email: input.email, role: input.role, newUser: !existing, invited: Boolean(token && !existing) },
    });
    return { userId: id, created: !existing };
  });
  const member = await getMember(ctx.db, ctx.projectId, userId, now);
  if (!token || !created) return { member, created };
  const path = invitePath(token);
  return { member, created, invite: { url: opts.origin ? opts.origin + path : path, token, expiresAt: new Date(now + INVITE_TTL_MS).toISOString() } };
}
