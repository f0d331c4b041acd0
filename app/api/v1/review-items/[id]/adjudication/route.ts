import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { readJson } from "@/lib/dashboard/read-json";
import { adjudicateItem } from "@/lib/review/adjudicate-item";
import { adjudicationSchema, pathId } from "@/lib/review/schemas";

/** POST /api/v1/review-items/{id}/adjudication — 201; the values become the item's final label. */
export const POST = withApi(async (req, ctx) => {
  const itemId = pathId(ctx.params.id, "review item");
  return json({ adjudication: await adjudicateItem(ctx, { ...(await readJson(req, adjudicationSchema)), itemId }) }, 201);
}, { permission: "review:manage" });
