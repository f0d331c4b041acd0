import { and, desc, eq } from "drizzle-orm";
import { alertChannel } from "@/db/schema";
import { NotFoundError } from "@/lib/api/errors";
import { authorize, type ServiceContext } from "@/lib/services/context";
import { toAlertChannel, type AlertChannel, type UpdateChannelInput } from "./channel-schema";
import { requireAllowedDestination } from "./create-channel";

export async function listAlertChannels(ctx: ServiceContext): Promise<{ channels: AlertChannel[] }> {
  authorize(ctx, "telemetry:read");
  const rows = await ctx.db.orm.select().from(alertChannel).where(eq(alertChannel.projectId, ctx.projectId)).orderBy(desc(alertChannel.id));
  return { channels: rows.map(toAlertChannel) };
}

export async function getAlertChannel(ctx: ServiceContext, input: { id: number }): Promise<AlertChannel> {
  authorize(ctx, "telemetry:read");
  const [row] = await ctx.db.orm.select().from(alertChannel).where(and(eq(alertChannel.projectId, ctx.projectId), eq(alertChannel.id, input.id)));
  if (!row) throw new NotFoundError(`No alert channel ${input.id}`);
  return toAlertChannel(row);
}

/** Renames, re-points or re-enables a channel; re-enabling clears the failure streak. */
export async function updateAlertChannel(ctx: ServiceContext, input: { id: number; patch: UpdateChannelInput }): Promise<AlertChannel> {
  authorize(ctx, "channels:write");
  const p = input.patch;
  if (p.url !== undefined) await requireAllowedDestination(p.url);
  const set: Partial<typeof alertChannel.$inferInsert> = { updatedAt: ctx.now() };
  if (p.name !== undefined) set.name = p.name;
  if (p.url !== undefined) set.url = p.url;
  if (p.routingKey !== undefined) set.routingKey = p.routingKey;
  if (p.enabled === true) Object.assign(set, { enabled: true, consecutiveFailures: 0, disabledAt: null, disabledReason: null });
  if (p.enabled === false) Object.assign(set, { enabled: false, disabledAt: ctx.now(), disabledReason: "disabled by a member" });
  const rows = await ctx.db.orm.update(alertChannel).set(set).where(and(eq(alertChannel.projectId, ctx.projectId), eq(alertChannel.id, input.id))).returning();
  if (rows.length === 0) throw new NotFoundError(`No alert channel ${input.id}`);
  return toAlertChannel(rows[0]);
}

export async function deleteAlertChannel(ctx: ServiceContext, input: { id: number }): Promise<{ deleted: true }> {
  authorize(ctx, "channels:write");
  const rows = await ctx.db.orm.delete(alertChannel).where(and(eq(alertChannel.projectId, ctx.projectId), eq(alertChannel.id, input.id))).returning({ id: alertChannel.id });
  if (rows.length === 0) throw new NotFoundError(`No alert channel ${input.id}`);
  return { deleted: true };
}
