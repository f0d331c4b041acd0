import { alertChannel } from "@/db/schema";
import { ValidationError } from "@/lib/api/errors";
import { checkDestination } from "@/lib/alerts/delivery/destination-guard";
import { generateWebhookSecret, isWebhookSecret } from "@/lib/alerts/delivery/sign-webhook";
import { authorize, type ServiceContext } from "@/lib/services/context";
import { toAlertChannel, type AlertChannel, type CreateChannelInput } from "./channel-schema";

/** Creates a channel after checking its destination; a generated webhook secret is returned only here. */
export async function createAlertChannel(ctx: ServiceContext, input: CreateChannelInput): Promise<AlertChannel & { secret?: string }> {
  authorize(ctx, "channels:write");
  if (input.url) await requireAllowedDestination(input.url);
  if (input.secret !== undefined && !isWebhookSecret(input.secret)) {
    throw new ValidationError("Invalid webhook secret", [{ path: "secret", message: "must be whsec_ followed by 24–64 base64-encoded bytes" }]);
  }
  const secret = input.type === "webhook" ? (input.secret ?? generateWebhookSecret()) : null;
  const now = ctx.now();
  const [row] = await ctx.db.orm
    .insert(alertChannel)
    .values({ projectId: ctx.projectId, name: input.name, type: input.type, url: input.url ?? null, secret, routingKey: input.routingKey ?? null, createdAt: now, updatedAt: now })
    .returning();
  return { ...toAlertChannel(row), ...(secret && input.secret === undefined ? { secret } : {}) };
}

/** 400 naming the reason when a destination is refused (scheme, private address, DNS). */
export async function requireAllowedDestination(url: string): Promise<void> {
  const check = await checkDestination(url);
  if (!check.ok) throw new ValidationError(`Destination refused: ${check.reason}`, [{ path: "url", message: check.reason }]);
}
