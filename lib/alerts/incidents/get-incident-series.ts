import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { alertIncident, alertRule } from "@/db/schema";
import { NotFoundError } from "@/lib/api/errors";
import { readObservations } from "@/lib/alerts/evaluate/read-observations";
import { evaluationWindow } from "@/lib/alerts/evaluate/window";
import { metricSource } from "@/lib/alerts/metrics";
import { toAlertRule } from "@/lib/alerts/rules/rule-view";
import { authorize, type ServiceContext } from "@/lib/services/context";

const MAX_POINTS = 120;
const MARGIN_MS = 3_600_000;

export const incidentSeriesSchema = z.object({
  stepMs: z.number(),
  points: z.array(z.object({ t: z.number(), value: z.number().nullable(), samples: z.number() })),
  threshold: z.number(),
  warningThreshold: z.number().nullable(),
  recoveryThreshold: z.number().nullable(),
  relative: z.boolean(),
  metric: z.string(),
});
export type IncidentSeries = z.infer<typeof incidentSeriesSchema>;

/**
 * The incident's metric as its rule saw it (same windows, same group), from an hour before it
 * started to an hour after it resolved (or now): the chart on the incident page.
 */
export async function getIncidentSeries(ctx: ServiceContext, input: { id: number }): Promise<IncidentSeries> {
  authorize(ctx, "telemetry:read");
  const [row] = await ctx.db.orm
    .select({ i: alertIncident, r: alertRule })
    .from(alertIncident)
    .innerJoin(alertRule, eq(alertRule.id, alertIncident.ruleId))
    .where(and(eq(alertIncident.projectId, ctx.projectId), eq(alertIncident.id, input.id)));
  if (!row) throw new NotFoundError(`No incident ${input.id}`);
  const rule = toAlertRule(row.r);
  const base = { threshold: rule.threshold, warningThreshold: rule.warningThreshold, recoveryThreshold: rule.recoveryThreshold, relative: rule.relative !== null, metric: rule.metric };
  const source = metricSource(rule.metric);
  if (!source) return { stepMs: 0, points: [], ...base };
  const now = ctx.now();
  const from = row.i.startedAt - MARGIN_MS;
  const to = Math.min(now, (row.i.resolvedAt ?? now) + MARGIN_MS);
  const stepMs = Math.max(60_000, Math.ceil((to - from) / MAX_POINTS / 60_000) * 60_000);
  const points: IncidentSeries["points"] = [];
  for (let t = from; t <= to; t += stepMs) {
    const obs = await readObservations(ctx.db, ctx.projectId, rule, source, evaluationWindow(t, rule.windowSeconds), t);
    const mine = obs.find((o) => o.key === row.i.groupKey);
    points.push({ t, value: mine?.obs.value ?? null, samples: mine?.obs.samples ?? 0 });
  }
  return { stepMs, points, ...base };
}
