import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { parseQuery } from "@/lib/api/parse-query";
import { listAlertDeliveries, listDeliveriesQuerySchema } from "@/lib/alerts/delivery/list-deliveries";

/** GET /api/v1/alert-deliveries?channelId=&incidentId=&limit= — the delivery log, newest first. */
export const GET = withApi(async (req, ctx) => json(await listAlertDeliveries(ctx, parseQuery(listDeliveriesQuerySchema, req.nextUrl))), { permission: "telemetry:read" });
