import { alertRule } from "@/db/schema";
import { authorize, type ServiceContext } from "@/lib/services/context";
import { checkRuleReferences } from "./check-rule";
import type { CreateRuleInput } from "./rule-schema";
import { toAlertRule, type AlertRule } from "./rule-view";

export async function createAlertRule(ctx: ServiceContext, input: CreateRuleInput): Promise<AlertRule> {
  authorize(ctx, "alerts:write");
  await checkRuleReferences(ctx, input);
  const now = ctx.now();
  const [row] = await ctx.db.orm
    .insert(alertRule)
    .values({
      projectId: ctx.projectId, name: input.name, metric: input.metric, scope: input.scope, groupBy: input.groupBy ?? null,
      windowSeconds: input.windowSeconds, comparator: input.comparator, threshold: input.threshold,
      warningThreshold: input.warningThreshold ?? null, recoveryThreshold: input.recoveryThreshold ?? null,
      warningRecoveryThreshold: input.warningRecoveryThreshold ?? null, pendingSeconds: input.pendingSeconds,
      keepFiringSeconds: input.keepFiringSeconds, minSamples: input.minSamples, noData: input.noData,
      relativeBaseline: input.relative?.baseline ?? null, renotifySeconds: input.renotifySeconds ?? null,
      channelIds: [...new Set(input.channelIds)], enabled: input.enabled, createdAt: now, updatedAt: now,
    })
    .returning();
  return toAlertRule(row);
}
