import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { readJson } from "@/lib/dashboard/read-json";
import { createChannelSchema } from "@/lib/alerts/channels/channel-schema";
import { createAlertChannel } from "@/lib/alerts/channels/create-channel";
import { listAlertChannels } from "@/lib/alerts/channels/manage-channels";

/** GET /api/v1/alert-channels — channels without their credentials. */
export const GET = withApi(async (_req, ctx) => json(await listAlertChannels(ctx)), { permission: "telemetry:read" });

/** POST /api/v1/alert-channels — 201; a generated webhook secret is returned only here; a refused destination is a 400. */
export const POST = withApi(async (req, ctx) => json(await createAlertChannel(ctx, await readJson(req, createChannelSchema)), 201), {
  permission: "channels:write",
});
