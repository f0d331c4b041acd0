import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { event } from "@/db/schema";
import { inTransaction, recordAudit } from "@/lib/audit/record-audit";
import { authorize, type ServiceContext } from "@/lib/services/context";

/**
 * Right to erasure: deletes every raw event of one end user (the `userId` the application sent)
 * in this project. Rollups keep only aggregates (counts, sums, sketches) with no user id, so
 * they stay. Audited with the count and a digest of the id — not the id itself, which may be
 * an e-mail address the erasure is meant to remove.
 */
export async function eraseEndUserData(ctx: ServiceContext, input: { userId: string }): Promise<{ userId: string; deletedEvents: number }> {
  authorize(ctx, "settings:manage");
  const deletedEvents = await ctx.db.transaction(async (tx) => {
    const rows = await tx.orm
      .delete(event)
      .where(and(eq(event.projectId, ctx.projectId), eq(event.userId, input.userId)))
      .returning({ id: event.id });
    await recordAudit(inTransaction(ctx, tx), { action: "end_user.erase", target: `end_user:sha256:${createHash("sha256").update(input.userId).digest("hex").slice(0, 16)}`, after: { deletedEvents: rows.length } });
    return rows.length;
  });
  return { userId: input.userId, deletedEvents };
}
