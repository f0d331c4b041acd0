import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { readJson } from "@/lib/dashboard/read-json";
import { getModelLineage } from "@/lib/models/get-lineage";
import { lineageInputSchema } from "@/lib/models/lineage-schemas";
import { setModelLineage } from "@/lib/models/set-lineage";

/** GET /api/v1/models/{model}/versions/{version} — the version's lineage. */
export const GET = withApi(async (_req, ctx) => json({ lineage: await getModelLineage(ctx, { model: ctx.params.model, version: ctx.params.version }) }), {
  permission: "telemetry:read",
});

/** PUT /api/v1/models/{model}/versions/{version} — record (replace) the version's lineage. */
export const PUT = withApi(
  async (req, ctx) =>
    json({ lineage: await setModelLineage(ctx, { ...(await readJson(req, lineageInputSchema)), model: ctx.params.model, version: ctx.params.version }) }),
  { permission: "models:write" },
);
