import { and, desc, eq, isNull } from "drizzle-orm";
import { alertIncident, alertRule } from "@/db/schema";
import { NotFoundError } from "@/lib/api/errors";
import { authorize, type ServiceContext } from "@/lib/services/context";
import { toIncident, type Incident, type ListIncidentsQuery } from "./incident-schema";

export async function listIncidents(ctx: ServiceContext, q: ListIncidentsQuery): Promise<{ incidents: Incident[] }> {
  authorize(ctx, "telemetry:read");
  const rows = await ctx.db.orm
    .select({ i: alertIncident, name: alertRule.name, metric: alertRule.metric })
    .from(alertIncident)
    .innerJoin(alertRule, eq(alertRule.id, alertIncident.ruleId))
    .where(
      and(
        eq(alertIncident.projectId, ctx.projectId),
        q.state === "open" ? isNull(alertIncident.resolvedAt) : q.state ? eq(alertIncident.state, q.state) : undefined,
        q.ruleId ? eq(alertIncident.ruleId, q.ruleId) : undefined,
      ),
    )
    .orderBy(desc(alertIncident.startedAt), desc(alertIncident.id))
    .limit(q.limit);
  return { incidents: rows.map((r) => toIncident(r.i, r)) };
}

export async function getIncident(ctx: ServiceContext, input: { id: number }): Promise<Incident> {
  authorize(ctx, "telemetry:read");
  const [r] = await ctx.db.orm
    .select({ i: alertIncident, name: alertRule.name, metric: alertRule.metric })
    .from(alertIncident)
    .innerJoin(alertRule, eq(alertRule.id, alertIncident.ruleId))
    .where(and(eq(alertIncident.projectId, ctx.projectId), eq(alertIncident.id, input.id)));
  if (!r) throw new NotFoundError(`No incident ${input.id}`);
  return toIncident(r.i, r);
}
