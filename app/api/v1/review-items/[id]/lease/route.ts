import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { extendLease } from "@/lib/review/lease-actions";
import { pathId } from "@/lib/review/schemas";

/** POST /api/v1/review-items/{id}/lease — extend the caller's live lease by 10 minutes from now; 409 without one. */
export const POST = withApi(
  async (_req, ctx) => json(await extendLease(ctx, { itemId: pathId(ctx.params.id, "review item") })),
  { permission: "review:submit" },
);
