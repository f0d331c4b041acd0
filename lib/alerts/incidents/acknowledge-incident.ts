import { and, eq } from "drizzle-orm";
import { alertIncident } from "@/db/schema";
import { NotFoundError } from "@/lib/api/errors";
import { actorLabel, authorize, type ServiceContext } from "@/lib/services/context";
import type { Incident } from "./incident-schema";
import { getIncident } from "./list-incidents";

/** Marks who is on it. Acknowledging does not silence: the next transition still notifies. */
export async function acknowledgeIncident(ctx: ServiceContext, input: { id: number }): Promise<Incident> {
  authorize(ctx, "alerts:write");
  const rows = await ctx.db.orm
    .update(alertIncident)
    .set({ acknowledgedAt: ctx.now(), acknowledgedBy: actorLabel(ctx.actor) })
    .where(and(eq(alertIncident.projectId, ctx.projectId), eq(alertIncident.id, input.id)))
    .returning({ id: alertIncident.id });
  if (rows.length === 0) throw new NotFoundError(`No incident ${input.id}`);
  return getIncident(ctx, input);
}
