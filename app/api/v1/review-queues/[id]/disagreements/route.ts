import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { listDisagreements } from "@/lib/review/get-item";
import { pathId } from "@/lib/review/schemas";

/** GET /api/v1/review-queues/{id}/disagreements — completed items whose reviewers disagree, awaiting adjudication. */
export const GET = withApi(
  async (_req, ctx) => json({ items: await listDisagreements(ctx, { queueId: pathId(ctx.params.id, "review queue") }) }),
  { permission: "review:manage" },
);
