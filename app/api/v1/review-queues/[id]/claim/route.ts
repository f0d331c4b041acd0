import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { claimNextItem } from "@/lib/review/claim-item";
import { pathId } from "@/lib/review/schemas";

/** POST /api/v1/review-queues/{id}/claim — 200 {item} with a 10-minute lease, 204 when nothing is left for the caller. */
export const POST = withApi(async (_req, ctx) => {
  const item = await claimNextItem(ctx, { queueId: pathId(ctx.params.id, "review queue") });
  return item ? json({ item }) : new Response(null, { status: 204 });
}, { permission: "review:submit" });
