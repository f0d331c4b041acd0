import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { parseQuery } from "@/lib/api/parse-query";
import { driftSeriesQuerySchema, getDriftSeries } from "@/lib/drift/get-drift-series";

/** GET /api/v1/models/{model}/drift/timeseries?from&to&resolution=1h|1d — stored drift windows and client-reported drift.* metrics. */
export const GET = withApi(
  async (req, ctx) => json(await getDriftSeries(ctx, { ...parseQuery(driftSeriesQuerySchema, new URL(req.url)), model: ctx.params.model })),
  { permission: "telemetry:read" },
);
