import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { membership, user } from "@/db/schema";
import { ConflictError, ForbiddenError } from "@/lib/api/errors";
import { inTransaction, recordAudit } from "@/lib/audit/record-audit";
import { authorize, type ServiceContext } from "@/lib/services/context";
import { getMember } from "./list-members";
import type { Member, UpdateMemberInput } from "./schemas";

/** A project must keep an enabled admin, or nobody could manage it again. */
export async function assertAnotherAdmin(tx: Db, projectId: number, userId: number): Promise<void> {
  const [row] = await tx.orm
    .select({ n: sql<number>`count(*)` })
    .from(membership)
    .innerJoin(user, eq(user.id, membership.userId))
    .where(and(eq(membership.projectId, projectId), eq(membership.role, "admin"), ne(membership.userId, userId), sql`${user.disabledAt} IS NULL`));
  if (!row || Number(row.n) === 0) throw new ConflictError("This is the project's last enabled admin");
}

/**
 * Changes a member's role in this project and/or disables (or re-enables) their account.
 * Disabling is account-wide and ends every session at once (the session version moves on), so
 * it is allowed only when the acting admin administers every project the user belongs to.
 */
export async function updateMember(ctx: ServiceContext, input: UpdateMemberInput & { userId: number }): Promise<Member> {
  authorize(ctx, "members:manage");
  const now = ctx.now();
  const before = await getMember(ctx.db, ctx.projectId, input.userId, now);
  if (input.disabled !== undefined && ctx.actor.kind === "member" && ctx.actor.userId === input.userId) {
    throw new ConflictError("You cannot disable your own account");
  }
  await ctx.db.transaction(async (tx) => {
    const demotes = input.role !== undefined && input.role !== "admin" && before.role === "admin";
    if ((demotes || input.disabled === true) && before.role === "admin") await assertAnotherAdmin(tx, ctx.projectId, input.userId);
    if (input.role !== undefined && input.role !== before.role) {
      await tx.orm.update(membership).set({ role: input.role }).where(and(eq(membership.userId, input.userId), eq(membership.projectId, ctx.projectId)));
    }
    if (input.disabled !== undefined && input.disabled !== before.disabled) {
      await assertAdministersAll(tx, ctx, input.userId);
      await tx.orm
        .update(user)
        .set({ disabledAt: input.disabled ? now : null, sessionVersion: sql`${user.sessionVersion} + 1` })
        .where(eq(user.id, input.userId));
    }
    const after = { role: input.role ?? before.role, disabled: input.disabled ?? before.disabled };
    await recordAudit(inTransaction(ctx, tx), {
      action: input.disabled === true && !before.disabled ? "member.disable" : input.disabled === false && before.disabled ? "member.enable" : "member.update",
      target: `user:${input.userId}`, before: { role: before.role, disabled: before.disabled }, after,
    });
  });
  return getMember(ctx.db, ctx.projectId, input.userId, now);
}

/** Projects the actor administers: a member's admin memberships; an admin-scope key only its own project. */
async function assertAdministersAll(tx: Db, ctx: ServiceContext, userId: number): Promise<void> {
  if (ctx.actor.kind === "system") return;
  const actorId = ctx.actor.kind === "member" ? ctx.actor.userId : null;
  const mine =
    actorId === null
      ? new Set([ctx.projectId])
      : new Set(
          (await tx.orm.select({ projectId: membership.projectId }).from(membership).where(and(eq(membership.userId, actorId), eq(membership.role, "admin")))).map((r) => r.projectId),
        );
  const theirs = await tx.orm.select({ projectId: membership.projectId }).from(membership).where(eq(membership.userId, userId));
  if (theirs.some((p) => !mine.has(p.projectId))) {
    throw new ForbiddenError("The user also belongs to projects you do not administer; remove them from this project instead");
  }
}
