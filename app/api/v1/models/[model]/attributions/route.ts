import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { parseQuery } from "@/lib/api/parse-query";
import { attributionSeriesQuerySchema, getAttributionSeries } from "@/lib/quality/get-attribution-series";

/** GET /api/v1/models/{model}/attributions?from&to&interval=1h|1d[&version] — mean |attribution| per feature over time. */
export const GET = withApi(
  async (req, ctx) => json(await getAttributionSeries(ctx, { ...parseQuery(attributionSeriesQuerySchema, new URL(req.url)), model: ctx.params.model })),
  { permission: "telemetry:read" },
);
