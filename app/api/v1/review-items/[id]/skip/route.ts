import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { skipItem } from "@/lib/review/lease-actions";
import { pathId } from "@/lib/review/schemas";

/** POST /api/v1/review-items/{id}/skip — give the item back; the caller is not served it again. */
export const POST = withApi(
  async (_req, ctx) => json(await skipItem(ctx, { itemId: pathId(ctx.params.id, "review item") })),
  { permission: "review:submit" },
);
