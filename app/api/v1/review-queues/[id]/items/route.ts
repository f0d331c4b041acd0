import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { readJson } from "@/lib/dashboard/read-json";
import { enqueueItems } from "@/lib/review/enqueue-items";
import { enqueueSchema, pathId } from "@/lib/review/schemas";

/** POST /api/v1/review-queues/{id}/items {eventIds} | {filter} — {added, existing, matched}. */
export const POST = withApi(async (req, ctx) => {
  const queueId = pathId(ctx.params.id, "review queue");
  return json(await enqueueItems(ctx, { ...(await readJson(req, enqueueSchema)), queueId }));
}, { permission: "review:manage" });
