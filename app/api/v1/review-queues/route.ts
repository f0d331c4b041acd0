import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { readJson } from "@/lib/dashboard/read-json";
import { createReviewQueue } from "@/lib/review/create-queue";
import { listReviewQueues } from "@/lib/review/list-queues";
import { createQueueSchema } from "@/lib/review/schemas";

/** GET /api/v1/review-queues — every queue with total and (for a member) own progress. */
export const GET = withApi(async (_req, ctx) => json({ queues: await listReviewQueues(ctx) }), { permission: "telemetry:read" });

/** POST /api/v1/review-queues — 201 with the new queue; 409 when the name is taken. */
export const POST = withApi(
  async (req, ctx) => json({ queue: await createReviewQueue(ctx, await readJson(req, createQueueSchema)) }, 201),
  { permission: "review:manage" },
);
