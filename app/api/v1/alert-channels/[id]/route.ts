import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { readJson } from "@/lib/dashboard/read-json";
import { updateChannelSchema } from "@/lib/alerts/channels/channel-schema";
import { deleteAlertChannel, getAlertChannel, updateAlertChannel } from "@/lib/alerts/channels/manage-channels";
import { routeId } from "@/lib/alerts/route-id";

export const GET = withApi(async (_req, ctx) => json(await getAlertChannel(ctx, routeId(ctx.params))), { permission: "telemetry:read" });

/** PATCH {name?, url?, routingKey?, enabled?} — `enabled: true` re-enables a channel disabled after failures. */
export const PATCH = withApi(
  async (req, ctx) => json(await updateAlertChannel(ctx, { ...routeId(ctx.params), patch: await readJson(req, updateChannelSchema) })),
  { permission: "channels:write" },
);

export const DELETE = withApi(async (_req, ctx) => json(await deleteAlertChannel(ctx, routeId(ctx.params))), { permission: "channels:write" });
