import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { alertRule } from "@/db/schema";
import { NotFoundError, ValidationError, zodDetails } from "@/lib/api/errors";
import { authorize, type ServiceContext } from "@/lib/services/context";
import { checkRuleReferences } from "./check-rule";
import { checkThresholds, type UpdateRuleInput } from "./rule-schema";
import { getAlertRule } from "./get-rule";
import type { AlertRule } from "./rule-view";

export async function updateAlertRule(ctx: ServiceContext, input: { id: number; patch: UpdateRuleInput }): Promise<AlertRule> {
  authorize(ctx, "alerts:write");
  const current = await getAlertRule(ctx, { id: input.id });
  const p = input.patch;
  // Thresholds are checked on the merged rule: a patch of one threshold must agree with the others.
  const merged = { ...current, ...p };
  const check = z.object({}).superRefine((_, c) => checkThresholds(merged, c)).safeParse({});
  if (!check.success) throw new ValidationError("Invalid thresholds", zodDetails(check.error.issues));
  // The merged rule too: a patch of the scope or group-by must suit the metric it keeps.
  await checkRuleReferences(ctx, { metric: merged.metric, scope: merged.scope, groupBy: merged.groupBy, channelIds: p.channelIds });
  const set: Partial<typeof alertRule.$inferInsert> = { updatedAt: ctx.now() };
  for (const k of ["name", "metric", "scope", "windowSeconds", "comparator", "threshold", "warningThreshold", "recoveryThreshold", "warningRecoveryThreshold", "pendingSeconds", "keepFiringSeconds", "minSamples", "noData", "renotifySeconds", "enabled"] as const) {
    if (p[k] !== undefined) (set as Record<string, unknown>)[k] = p[k];
  }
  if (p.groupBy !== undefined) set.groupBy = p.groupBy;
  if (p.relative !== undefined) set.relativeBaseline = p.relative?.baseline ?? null;
  if (p.channelIds !== undefined) set.channelIds = [...new Set(p.channelIds)];
  const rows = await ctx.db.orm.update(alertRule).set(set).where(and(eq(alertRule.projectId, ctx.projectId), eq(alertRule.id, input.id))).returning();
  if (rows.length === 0) throw new NotFoundError(`No alert rule ${input.id}`);
  return getAlertRule(ctx, { id: input.id });
}
