import { withApi } from "@/lib/api/with-api";
import { parseQuery } from "@/lib/api/parse-query";
import { json } from "@/lib/api/responses";
import { getTimeseries, timeseriesQuerySchema } from "@/lib/metrics/get-timeseries";

export const GET = withApi(async (req, ctx) => json(await getTimeseries(ctx, parseQuery(timeseriesQuerySchema, req.nextUrl))), {
  permission: "telemetry:read",
});
