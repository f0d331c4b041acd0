import { and, eq } from "drizzle-orm";
import { invite, membership } from "@/db/schema";
import { ConflictError } from "@/lib/api/errors";
import { inTransaction, recordAudit } from "@/lib/audit/record-audit";
import { authorize, type ServiceContext } from "@/lib/services/context";
import { getMember } from "./list-members";
import { assertAnotherAdmin } from "./update-member";

/** Removes the member from this project (the account stays; other projects are untouched). */
export async function removeMember(ctx: ServiceContext, input: { userId: number }): Promise<void> {
  authorize(ctx, "members:manage");
  if (ctx.actor.kind === "member" && ctx.actor.userId === input.userId) throw new ConflictError("You cannot remove yourself");
  const before = await getMember(ctx.db, ctx.projectId, input.userId, ctx.now());
  await ctx.db.transaction(async (tx) => {
    if (before.role === "admin") await assertAnotherAdmin(tx, ctx.projectId, input.userId);
    await tx.orm.delete(membership).where(and(eq(membership.userId, input.userId), eq(membership.projectId, ctx.projectId)));
    await tx.orm.delete(invite).where(and(eq(invite.userId, input.userId), eq(invite.projectId, ctx.projectId)));
    await recordAudit(inTransaction(ctx, tx), { action: "member.remove", target: `user:${input.userId}`, before: { email: before.email, role: before.role } });
  });
}
