import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { readJson } from "@/lib/dashboard/read-json";
import { getReviewQueue } from "@/lib/review/list-queues";
import { pathId, updateQueueSchema } from "@/lib/review/schemas";
import { updateReviewQueue } from "@/lib/review/update-queue";

/** GET /api/v1/review-queues/{id} — the queue with its progress. */
export const GET = withApi(
  async (_req, ctx) => json({ queue: await getReviewQueue(ctx, { id: pathId(ctx.params.id, "review queue") }) }),
  { permission: "telemetry:read" },
);

/** PATCH /api/v1/review-queues/{id} — change any field; a rubric change may not orphan verdicts. */
export const PATCH = withApi(async (req, ctx) => {
  const id = pathId(ctx.params.id, "review queue");
  return json({ queue: await updateReviewQueue(ctx, { ...(await readJson(req, updateQueueSchema)), id }) });
}, { permission: "review:manage" });
