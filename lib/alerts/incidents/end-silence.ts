import { and, eq } from "drizzle-orm";
import { alertSilence } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { ConflictError, NotFoundError } from "@/lib/api/errors";
import { authorize, type ServiceContext } from "@/lib/services/context";
import { silenceSchema, toSilence, type Silence } from "./silences";

/** POST /api/v1/silences/{id}/end answers with the silence as it now stands. */
export const endedSilenceSchema = silenceSchema;

/**
 * Ends a silence early by moving its end to now. The row stays (with the audit entry it is the
 * record of who muted what, and for how long it really held); a silence that has not started yet
 * simply never applies.
 */
export async function endSilence(ctx: ServiceContext, input: { id: number }): Promise<Silence> {
  authorize(ctx, "alerts:write");
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    const where = and(eq(alertSilence.projectId, ctx.projectId), eq(alertSilence.id, input.id));
    const [current] = await tx.orm.select().from(alertSilence).where(where);
    if (!current) throw new NotFoundError(`No silence ${input.id}`);
    if (current.endsAt <= now) throw new ConflictError(`Silence ${input.id} has already ended`);
    const [row] = await tx.orm.update(alertSilence).set({ endsAt: now, startsAt: Math.min(current.startsAt, now) }).where(where).returning();
    await recordAudit({ ...ctx, db: tx }, { action: "alert_silence.end", target: `alert_silence:${input.id}`, before: { endsAt: current.endsAt }, after: { endsAt: now } });
    return toSilence(row);
  });
}
