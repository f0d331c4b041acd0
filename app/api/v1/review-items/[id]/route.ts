import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { getReviewItem } from "@/lib/review/get-item";
import { pathId } from "@/lib/review/schemas";

/** GET /api/v1/review-items/{id} — the item and its history (a reviewer sees only their own verdicts). */
export const GET = withApi(
  async (_req, ctx) => json({ item: await getReviewItem(ctx, { itemId: pathId(ctx.params.id, "review item") }) }),
  { permission: "review:submit" },
);
