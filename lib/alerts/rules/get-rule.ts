import { and, desc, eq } from "drizzle-orm";
import { alertRule } from "@/db/schema";
import { NotFoundError } from "@/lib/api/errors";
import { authorize, type ServiceContext } from "@/lib/services/context";
import { toAlertRule, type AlertRule } from "./rule-view";

export async function listAlertRules(ctx: ServiceContext): Promise<{ rules: AlertRule[] }> {
  authorize(ctx, "telemetry:read");
  const rows = await ctx.db.orm.select().from(alertRule).where(eq(alertRule.projectId, ctx.projectId)).orderBy(desc(alertRule.id));
  return { rules: rows.map(toAlertRule) };
}

export async function getAlertRule(ctx: ServiceContext, input: { id: number }): Promise<AlertRule> {
  authorize(ctx, "telemetry:read");
  const [row] = await ctx.db.orm.select().from(alertRule).where(and(eq(alertRule.projectId, ctx.projectId), eq(alertRule.id, input.id)));
  if (!row) throw new NotFoundError(`No alert rule ${input.id}`);
  return toAlertRule(row);
}
