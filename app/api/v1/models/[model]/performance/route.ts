import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { parseQuery } from "@/lib/api/parse-query";
import { getModelPerformance } from "@/lib/quality/get-performance";
import { performanceQuerySchema } from "@/lib/quality/schemas";

/** GET /api/v1/models/{model}/performance?from&to&interval=1h|1d[&version][&task] */
export const GET = withApi(
  async (req, ctx) => json(await getModelPerformance(ctx, { ...parseQuery(performanceQuerySchema, new URL(req.url)), model: ctx.params.model })),
  { permission: "telemetry:read" },
);
