import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { parseQuery } from "@/lib/api/parse-query";
import { windowQuerySchema } from "@/lib/time/ranges";
import { getFleetOverview } from "@/lib/overview/get-fleet-overview";

/** GET /api/v1/overview?from&to&interval — one health row per model and per prompt (docs/api-dashboard.md). */
export const GET = withApi(async (req, ctx) => json(await getFleetOverview(ctx, parseQuery(windowQuerySchema, req.nextUrl))), {
  permission: "telemetry:read",
});
