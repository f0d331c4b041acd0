import { z } from "zod";
import { ALERT_CHANNEL_TYPES, type alertChannel } from "@/db/schema";

export const createChannelSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    type: z.enum(ALERT_CHANNEL_TYPES),
    url: z.string().min(1).max(2000).optional(),
    secret: z.string().min(1).max(200).optional(),
    routingKey: z.string().min(1).max(200).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if ((c.type === "slack" || c.type === "webhook") && !c.url) ctx.addIssue({ code: "custom", path: ["url"], message: `a ${c.type} channel needs url` });
    if (c.type === "pagerduty" && !c.routingKey) ctx.addIssue({ code: "custom", path: ["routingKey"], message: "a pagerduty channel needs routingKey" });
    if (c.type !== "pagerduty" && c.routingKey) ctx.addIssue({ code: "custom", path: ["routingKey"], message: "only pagerduty channels take routingKey" });
    if (c.type !== "webhook" && c.secret) ctx.addIssue({ code: "custom", path: ["secret"], message: "only webhook channels take secret" });
  });
export type CreateChannelInput = z.output<typeof createChannelSchema>;

export const updateChannelSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    url: z.string().min(1).max(2000),
    routingKey: z.string().min(1).max(200),
    /** true re-enables a channel disabled after failed deliveries (and resets its failure count). */
    enabled: z.boolean(),
  })
  .partial()
  .strict();
export type UpdateChannelInput = z.output<typeof updateChannelSchema>;

/** A channel as the API shows it: never its URL's secret path, secret or routing key. */
export const alertChannelSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  type: z.enum(ALERT_CHANNEL_TYPES),
  /** Scheme and host only: a Slack webhook URL is itself a credential. */
  destination: z.string().nullable(),
  enabled: z.boolean(),
  consecutiveFailures: z.number().int(),
  disabledAt: z.number().nullable(),
  disabledReason: z.string().nullable(),
  createdAt: z.number(),
});
export type AlertChannel = z.infer<typeof alertChannelSchema>;

export const createdChannelSchema = alertChannelSchema.extend({ secret: z.string().optional() });

export function toAlertChannel(r: typeof alertChannel.$inferSelect): AlertChannel {
  return {
    id: r.id, name: r.name, type: r.type, destination: destinationOf(r.url, r.type), enabled: r.enabled, consecutiveFailures: r.consecutiveFailures,
    disabledAt: r.disabledAt, disabledReason: r.disabledReason, createdAt: r.createdAt,
  };
}

function destinationOf(url: string | null, type: string): string | null {
  if (!url) return type === "pagerduty" ? "events.pagerduty.com" : null;
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return null;
  }
}
