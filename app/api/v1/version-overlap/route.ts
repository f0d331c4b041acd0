import { withApi } from "@/lib/api/with-api";
import { parseQuery } from "@/lib/api/parse-query";
import { json } from "@/lib/api/responses";
import { getVersionOverlap, versionOverlapQuerySchema } from "@/lib/metrics/get-version-overlap";

/** GET /api/v1/version-overlap?model|promptId&a&b — first/last seen of two versions and where both have data. */
export const GET = withApi(async (req, ctx) => json(await getVersionOverlap(ctx, parseQuery(versionOverlapQuerySchema, req.nextUrl))), {
  permission: "telemetry:read",
});
