import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { user } from "@/db/schema";
import { ValidationError } from "@/lib/api/errors";
import { inTransaction, recordAudit } from "@/lib/audit/record-audit";
import { requireMember, type ServiceContext } from "@/lib/services/context";
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "@/lib/users/passwords";

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(MIN_PASSWORD_LENGTH).max(200),
});
export type ChangePasswordInput = z.output<typeof changePasswordSchema>;

/**
 * Changes the signed-in member's password and moves their session version on, which ends every
 * other session at its next request; the route hands this session a fresh token.
 */
export async function changePassword(ctx: ServiceContext, input: ChangePasswordInput): Promise<{ userId: number; email: string; sessionVersion: number }> {
  const me = requireMember(ctx);
  const [row] = await ctx.db.orm.select({ passwordHash: user.passwordHash }).from(user).where(eq(user.id, me.userId)).limit(1);
  if (!row || !(await verifyPassword(input.currentPassword, row.passwordHash))) {
    throw new ValidationError("Current password is wrong", [{ path: "currentPassword", message: "does not match" }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  return ctx.db.transaction(async (tx) => {
    const [updated] = await tx.orm
      .update(user)
      .set({ passwordHash, sessionVersion: sql`${user.sessionVersion} + 1` })
      .where(eq(user.id, me.userId))
      .returning({ sessionVersion: user.sessionVersion });
    await recordAudit(inTransaction(ctx, tx), { action: "account.password_change", target: `user:${me.userId}` });
    return { userId: me.userId, email: me.email, sessionVersion: updated.sessionVersion };
  });
}
