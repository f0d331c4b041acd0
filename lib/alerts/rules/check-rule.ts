import { and, eq, inArray } from "drizzle-orm";
import { alertChannel, budget } from "@/db/schema";
import { ValidationError } from "@/lib/api/errors";
import { metricSource } from "@/lib/alerts/metrics";
import type { GroupBy, RuleScope } from "@/lib/alerts/rules/rule-schema";
import type { ServiceContext } from "@/lib/services/context";

/** Checks that need the database or the build: the metric has a source, the channels exist here. */
export async function checkRuleReferences(ctx: ServiceContext, input: { metric?: string; scope?: RuleScope; groupBy?: GroupBy | null; channelIds?: number[] }): Promise<void> {
  if (input.metric !== undefined) checkMetricSupport(input.metric, input.scope ?? {}, input.groupBy ?? null);
  if (input.scope?.budgetId !== undefined) {
    if (input.groupBy) throw new ValidationError("A budget rule has no group-by", [{ path: "groupBy", message: "a budget already names its user or tag" }]);
    const [b] = await ctx.db.orm.select({ id: budget.id }).from(budget).where(and(eq(budget.projectId, ctx.projectId), eq(budget.id, input.scope.budgetId)));
    if (!b) throw new ValidationError("Unknown budget", [{ path: "scope.budgetId", message: `no budget ${input.scope.budgetId} in this project` }]);
  }
  const ids = [...new Set(input.channelIds ?? [])];
  if (ids.length === 0) return;
  const found = await ctx.db.orm
    .select({ id: alertChannel.id })
    .from(alertChannel)
    .where(and(eq(alertChannel.projectId, ctx.projectId), inArray(alertChannel.id, ids)));
  const missing = ids.filter((id) => !found.some((f) => f.id === id));
  if (missing.length > 0) throw new ValidationError("Unknown channel", [{ path: "channelIds", message: `no channel ${missing.join(", ")} in this project` }]);
}

/** The metric has a source in this build, and the source honours the rule's scope fields and group-by. */
export function checkMetricSupport(metric: string, scope: RuleScope, groupBy: GroupBy | null): void {
  const source = metricSource(metric);
  if (!source) {
    throw new ValidationError("metric not available in this build", [{ path: "metric", message: `'${metric}' has no metric source registered in this build (lib/alerts/metrics/index.ts)` }]);
  }
  if (!source.supports) return;
  const { scope: fields, groupBy: groups } = source.supports;
  for (const [k, v] of Object.entries(scope)) {
    if (v !== undefined && !fields.includes(k as keyof RuleScope)) {
      throw new ValidationError(`${metric} cannot be scoped by ${k}`, [{ path: `scope.${k}`, message: `${metric} accepts ${fields.join(", ") || "no scope fields"}` }]);
    }
  }
  if (groupBy !== null && !groups.includes(groupBy)) {
    throw new ValidationError(`${metric} cannot be grouped by ${groupBy}`, [{ path: "groupBy", message: `${metric} groups by ${groups.join(", ") || "nothing"}` }]);
  }
}
