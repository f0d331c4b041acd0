import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { readJson } from "@/lib/dashboard/read-json";
import { setItemGold } from "@/lib/review/adjudicate-item";
import { goldSchema, pathId } from "@/lib/review/schemas";

/** PUT /api/v1/review-items/{id}/gold {gold} — mark an adjudicated item as gold (or unmark it). */
export const PUT = withApi(async (req, ctx) => {
  const itemId = pathId(ctx.params.id, "review item");
  return json({ item: await setItemGold(ctx, { ...(await readJson(req, goldSchema)), itemId }) });
}, { permission: "review:manage" });
