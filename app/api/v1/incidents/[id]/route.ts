import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { getIncident } from "@/lib/alerts/incidents/list-incidents";
import { routeId } from "@/lib/alerts/route-id";

export const GET = withApi(async (_req, ctx) => json(await getIncident(ctx, routeId(ctx.params))), { permission: "telemetry:read" });
