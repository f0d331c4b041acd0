import { parseQuery } from "@/lib/api/parse-query";
import { json } from "@/lib/api/responses";
import { withApi } from "@/lib/api/with-api";
import { getSpendBreakdown, spendQuerySchema } from "@/lib/spend/get-spend-breakdown";

/** GET /api/v1/spend?by=user|session|environment|tag&from&to&model&limit — top spenders. */
export const GET = withApi(async (req, ctx) => json(await getSpendBreakdown(ctx, parseQuery(spendQuerySchema, req.nextUrl))), {
  permission: "telemetry:read",
});
