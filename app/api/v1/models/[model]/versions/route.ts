import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { listModelLineage } from "@/lib/models/get-lineage";

/** GET /api/v1/models/{model}/versions — every version's recorded lineage. */
export const GET = withApi(async (_req, ctx) => json({ versions: await listModelLineage(ctx, { model: ctx.params.model }) }), {
  permission: "telemetry:read",
});
