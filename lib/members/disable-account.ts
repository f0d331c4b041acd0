import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { membership, user } from "@/db/schema";
import { NotFoundError } from "@/lib/api/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { systemContext } from "@/lib/services/context";
import { normaliseEmail } from "@/lib/users/create-user";

/**
 * Operator action (CLI `user:disable`): disables or re-enables an account across all projects
 * and ends its sessions at their next request. Recorded in the audit log of every project the
 * user belongs to, with the system actor that did it.
 */
export async function setAccountDisabled(db: Db, input: { email: string; disabled: boolean; by: string; now?: number }): Promise<{ userId: number; changed: boolean }> {
  const now = input.now ?? Date.now();
  const email = normaliseEmail(input.email);
  return db.transaction(async (tx) => {
    const [u] = await tx.orm.select({ id: user.id, disabledAt: user.disabledAt }).from(user).where(eq(user.email, email)).limit(1);
    if (!u) throw new NotFoundError(`No user ${email}`);
    if ((u.disabledAt !== null) === input.disabled) return { userId: u.id, changed: false };
    await tx.orm.update(user).set({ disabledAt: input.disabled ? now : null, sessionVersion: sql`${user.sessionVersion} + 1` }).where(eq(user.id, u.id));
    const projects = await tx.orm.select({ projectId: membership.projectId }).from(membership).where(eq(membership.userId, u.id));
    for (const p of projects) {
      await recordAudit(systemContext(tx, p.projectId, input.by, () => now), {
        action: input.disabled ? "member.disable" : "member.enable", target: `user:${u.id}`, before: { disabled: !input.disabled }, after: { disabled: input.disabled },
      });
    }
    return { userId: u.id, changed: true };
  });
}
