import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { getQueueStats } from "@/lib/review/get-queue-stats";
import { pathId } from "@/lib/review/schemas";

/** GET /api/v1/review-queues/{id}/stats — progress, reviewers, agreement per field, detector calibration. */
export const GET = withApi(
  async (_req, ctx) => json(await getQueueStats(ctx, { queueId: pathId(ctx.params.id, "review queue") })),
  { permission: "telemetry:read" },
);
