import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { sendTestNotification } from "@/lib/alerts/channels/test-channel";
import { routeId } from "@/lib/alerts/route-id";

/** POST /api/v1/alert-channels/{id}/test — sends a test notification now; the attempt is in the delivery log. */
export const POST = withApi(async (_req, ctx) => json(await sendTestNotification(ctx, routeId(ctx.params)), 202), { permission: "channels:write" });
