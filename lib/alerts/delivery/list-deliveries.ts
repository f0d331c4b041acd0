import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { alertChannel, alertDelivery, alertNotification } from "@/db/schema";
import { authorize, type ServiceContext } from "@/lib/services/context";

export const listDeliveriesQuerySchema = z.object({
  channelId: z.coerce.number().int().positive().optional(),
  incidentId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ListDeliveriesQuery = z.output<typeof listDeliveriesQuerySchema>;

export const deliverySchema = z.object({
  id: z.number().int(),
  notificationId: z.string(),
  channelId: z.number().int(),
  channelName: z.string(),
  incidentId: z.number().int().nullable(),
  kind: z.string(),
  attempt: z.number().int(),
  at: z.number(),
  statusCode: z.number().int().nullable(),
  latencyMs: z.number(),
  outcome: z.string(),
  error: z.string().nullable(),
  responseExcerpt: z.string().nullable(),
  /** Where the notification stands now: pending (retrying), delivered, failed or silenced. */
  notificationStatus: z.string(),
});
export type Delivery = z.infer<typeof deliverySchema>;

/** The delivery log: one row per HTTP attempt, newest first. */
export async function listAlertDeliveries(ctx: ServiceContext, q: ListDeliveriesQuery): Promise<{ deliveries: Delivery[] }> {
  authorize(ctx, "telemetry:read");
  const rows = await ctx.db.orm
    .select({ d: alertDelivery, kind: alertNotification.kind, incidentId: alertNotification.incidentId, status: alertNotification.status, channelName: alertChannel.name })
    .from(alertDelivery)
    .innerJoin(alertNotification, eq(alertNotification.id, alertDelivery.notificationId))
    .innerJoin(alertChannel, eq(alertChannel.id, alertDelivery.channelId))
    .where(
      and(
        eq(alertDelivery.projectId, ctx.projectId),
        q.channelId ? eq(alertDelivery.channelId, q.channelId) : undefined,
        q.incidentId ? eq(alertNotification.incidentId, q.incidentId) : undefined,
      ),
    )
    .orderBy(desc(alertDelivery.id))
    .limit(q.limit);
  return {
    deliveries: rows.map(({ d, kind, incidentId, status, channelName }) => ({
      id: d.id, notificationId: d.notificationId, channelId: d.channelId, channelName, incidentId, kind, attempt: d.attempt, at: d.at,
      statusCode: d.statusCode, latencyMs: d.latencyMs, outcome: d.outcome, error: d.error, responseExcerpt: d.responseExcerpt, notificationStatus: status,
    })),
  };
}
