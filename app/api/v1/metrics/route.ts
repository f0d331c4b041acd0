import { withApi } from "@/lib/api/with-api";
import { parseQuery } from "@/lib/api/parse-query";
import { json } from "@/lib/api/responses";
import { getMetrics, metricsQuerySchema } from "@/lib/metrics/get-metrics";

export const GET = withApi(async (req, ctx) => json(await getMetrics(ctx, parseQuery(metricsQuerySchema, req.nextUrl))), {
  permission: "telemetry:read",
});
