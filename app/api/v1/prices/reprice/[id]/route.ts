import { json } from "@/lib/api/responses";
import { withApi } from "@/lib/api/with-api";
import { pathId } from "@/lib/pricing/path-id";
import { getRepriceJob } from "@/lib/pricing/request-reprice";

/** GET /api/v1/prices/reprice/{id} — a re-pricing job's status and progress. */
export const GET = withApi(async (_req, ctx) => json({ job: await getRepriceJob(ctx, { id: pathId(ctx.params.id, "re-pricing job") }) }), {
  permission: "telemetry:read",
});
