import { and, eq } from "drizzle-orm";
import { alertChannel } from "@/db/schema";
import { NotFoundError } from "@/lib/api/errors";
import { incidentLink, type AlertEvent } from "@/lib/alerts/delivery/alert-event";
import { deliverDueNotifications, type DeliveryReport } from "@/lib/alerts/delivery/deliver-due";
import { enqueueNotifications } from "@/lib/alerts/delivery/enqueue-notifications";
import { authorize, type ServiceContext } from "@/lib/services/context";

/**
 * "Send test": a test notification goes through the same outbox and sender as real ones (so
 * it proves the whole path, signature and destination guard included) and is attempted at
 * once; a failure is retried on the usual schedule and shows in the delivery log.
 */
export async function sendTestNotification(ctx: ServiceContext, input: { id: number }): Promise<{ notificationId: string; delivery: DeliveryReport | null }> {
  authorize(ctx, "channels:write");
  const [channel] = await ctx.db.orm.select({ id: alertChannel.id, name: alertChannel.name }).from(alertChannel).where(and(eq(alertChannel.projectId, ctx.projectId), eq(alertChannel.id, input.id)));
  if (!channel) throw new NotFoundError(`No alert channel ${input.id}`);
  const now = ctx.now();
  const event: AlertEvent = {
    kind: "test", incidentId: null, ruleId: null, ruleName: `Test notification for ${channel.name}`, metric: null, severity: null, state: "ok", value: null,
    comparator: null, threshold: null, windowSeconds: null, relative: false, context: {}, at: now, firedAt: null, firedForMs: null, url: incidentLink(null),
  };
  const [id] = await ctx.db.transaction((tx) => enqueueNotifications(tx, { projectId: ctx.projectId, channelIds: [channel.id], event, labels: {}, now }));
  const [delivery] = await deliverDueNotifications(ctx.db, now, { projectId: ctx.projectId, ids: [id] });
  return { notificationId: id, delivery: delivery ?? null };
}
