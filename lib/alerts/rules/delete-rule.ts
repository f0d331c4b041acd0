import { and, eq } from "drizzle-orm";
import { alertRule } from "@/db/schema";
import { NotFoundError } from "@/lib/api/errors";
import { authorize, type ServiceContext } from "@/lib/services/context";

/** Deletes the rule and (by cascade) its incidents; notifications already written stay in the log. */
export async function deleteAlertRule(ctx: ServiceContext, input: { id: number }): Promise<{ deleted: true }> {
  authorize(ctx, "alerts:write");
  const rows = await ctx.db.orm.delete(alertRule).where(and(eq(alertRule.projectId, ctx.projectId), eq(alertRule.id, input.id))).returning({ id: alertRule.id });
  if (rows.length === 0) throw new NotFoundError(`No alert rule ${input.id}`);
  return { deleted: true };
}
