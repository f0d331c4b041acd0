import { and, eq } from "drizzle-orm";
import { alertRule } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { NotFoundError } from "@/lib/api/errors";
import { authorize, type ServiceContext } from "@/lib/services/context";

/** Deletes the rule and (by cascade) its incidents; notifications already written stay in the log. */
export async function deleteAlertRule(ctx: ServiceContext, input: { id: number }): Promise<{ deleted: true }> {
  authorize(ctx, "alerts:write");
  await ctx.db.transaction(async (tx) => {
    const rows = await tx.orm.delete(alertRule).where(and(eq(alertRule.projectId, ctx.projectId), eq(alertRule.id, input.id))).returning({ id: alertRule.id, name: alertRule.name });
    if (rows.length === 0) throw new NotFoundError(`No alert rule ${input.id}`);
    await recordAudit({ ...ctx, db: tx }, { action: "alert_rule.delete", target: `alert_rule:${input.id}`, before: { name: rows[0].name } });
  });
  return { deleted: true };
}
