import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { getIncidentSeries } from "@/lib/alerts/incidents/get-incident-series";
import { routeId } from "@/lib/alerts/route-id";

/** GET /api/v1/incidents/{id}/series — the rule's metric around the incident, for its chart. */
export const GET = withApi(async (_req, ctx) => json(await getIncidentSeries(ctx, routeId(ctx.params))), { permission: "telemetry:read" });
