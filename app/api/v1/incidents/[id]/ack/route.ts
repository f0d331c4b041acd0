import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { acknowledgeIncident } from "@/lib/alerts/incidents/acknowledge-incident";
import { routeId } from "@/lib/alerts/route-id";

/** POST /api/v1/incidents/{id}/ack — records who acknowledged it and when. */
export const POST = withApi(async (_req, ctx) => json(await acknowledgeIncident(ctx, routeId(ctx.params))), { permission: "alerts:write" });
