import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { readReferenceBody } from "@/lib/drift/read-reference-body";
import { setDriftReference } from "@/lib/drift/set-reference";

/**
 * POST /api/v1/models/{model}/reference — set the drift baseline: JSON {kind: "window"|"version"|"dataset", …}
 * or a CSV dataset (Content-Type: text/csv, ?name=…[&version=…]). 201 with the baseline.
 */
export const POST = withApi(
  async (req, ctx) => json({ reference: await setDriftReference(ctx, { ...(await readReferenceBody(req)), model: ctx.params.model }) }, 201),
  { permission: "models:write" },
);
