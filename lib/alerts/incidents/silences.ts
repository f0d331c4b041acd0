import { and, desc, eq, gt } from "drizzle-orm";
import { z } from "zod";
import { alertIncident, alertRule, alertSilence } from "@/db/schema";
import { ValidationError } from "@/lib/api/errors";
import { ruleScopeSchema } from "@/lib/alerts/rules/rule-schema";
import { actorLabel, authorize, type ServiceContext } from "@/lib/services/context";

const instant = z.union([z.number().int().positive(), z.iso.datetime({ offset: true }).transform((s) => Date.parse(s))]);

export const createSilenceSchema = z
  .object({
    ruleId: z.number().int().positive().optional(),
    incidentId: z.number().int().positive().optional(),
    /** Labels every silenced incident must carry, e.g. {"model": "gpt-4o"}. */
    scope: ruleScopeSchema.omit({ feature: true }).optional(),
    startsAt: instant.optional(),
    endsAt: instant,
    reason: z.string().trim().min(1).max(500),
  })
  .strict()
  .refine((s) => s.ruleId !== undefined || s.incidentId !== undefined || (s.scope && Object.keys(s.scope).length > 0), {
    message: "name a ruleId, an incidentId or a non-empty scope",
    path: ["ruleId"],
  });
export type CreateSilenceInput = z.output<typeof createSilenceSchema>;

export const silenceSchema = z.object({
  id: z.number().int(),
  ruleId: z.number().int().nullable(),
  incidentId: z.number().int().nullable(),
  scope: z.record(z.string(), z.string()),
  startsAt: z.number(),
  endsAt: z.number(),
  reason: z.string(),
  createdBy: z.string(),
});
export type Silence = z.infer<typeof silenceSchema>;

export async function createSilence(ctx: ServiceContext, input: CreateSilenceInput): Promise<Silence> {
  authorize(ctx, "alerts:write");
  const now = ctx.now();
  const startsAt = input.startsAt ?? now;
  if (input.endsAt <= Math.max(now, startsAt)) throw new ValidationError("endsAt must be in the future and after startsAt", [{ path: "endsAt", message: "must be later than now and startsAt" }]);
  if (input.ruleId !== undefined) {
    const [r] = await ctx.db.orm.select({ id: alertRule.id }).from(alertRule).where(and(eq(alertRule.projectId, ctx.projectId), eq(alertRule.id, input.ruleId)));
    if (!r) throw new ValidationError("Unknown rule", [{ path: "ruleId", message: `no rule ${input.ruleId} in this project` }]);
  }
  if (input.incidentId !== undefined) {
    const [i] = await ctx.db.orm.select({ id: alertIncident.id }).from(alertIncident).where(and(eq(alertIncident.projectId, ctx.projectId), eq(alertIncident.id, input.incidentId)));
    if (!i) throw new ValidationError("Unknown incident", [{ path: "incidentId", message: `no incident ${input.incidentId} in this project` }]);
  }
  const matchLabels = Object.fromEntries(Object.entries(input.scope ?? {}).map(([k, v]) => [k, String(v)]));
  const [row] = await ctx.db.orm
    .insert(alertSilence)
    .values({ projectId: ctx.projectId, ruleId: input.ruleId ?? null, incidentId: input.incidentId ?? null, matchLabels, startsAt, endsAt: input.endsAt, reason: input.reason, createdBy: actorLabel(ctx.actor), createdAt: now })
    .returning();
  return toSilence(row);
}

export async function listSilences(ctx: ServiceContext): Promise<{ silences: Silence[] }> {
  authorize(ctx, "telemetry:read");
  const rows = await ctx.db.orm.select().from(alertSilence).where(and(eq(alertSilence.projectId, ctx.projectId), gt(alertSilence.endsAt, ctx.now()))).orderBy(desc(alertSilence.id));
  return { silences: rows.map(toSilence) };
}

export function toSilence(r: typeof alertSilence.$inferSelect): Silence {
  return { id: r.id, ruleId: r.ruleId, incidentId: r.incidentId, scope: r.matchLabels, startsAt: r.startsAt, endsAt: r.endsAt, reason: r.reason, createdBy: r.createdBy };
}
