import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { readJson } from "@/lib/dashboard/read-json";
import { pathId, verdictSchema } from "@/lib/review/schemas";
import { submitVerdict } from "@/lib/review/submit-verdict";

/** POST /api/v1/review-items/{id}/verdicts — 201; 400 naming the rubric field; 409 without a live lease. */
export const POST = withApi(async (req, ctx) => {
  const itemId = pathId(ctx.params.id, "review item");
  return json({ verdict: await submitVerdict(ctx, { ...(await readJson(req, verdictSchema)), itemId }) }, 201);
}, { permission: "review:submit" });
