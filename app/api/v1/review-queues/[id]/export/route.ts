import { withApi } from "@/lib/api/with-api";
import { parseQuery } from "@/lib/api/parse-query";
import { exportQueue } from "@/lib/review/export-queue";
import { exportQuerySchema, pathId } from "@/lib/review/schemas";

/** GET /api/v1/review-queues/{id}/export?format=csv|jsonl — streamed; every verdict and the final label. */
export const GET = withApi(async (req, ctx) => {
  const { format } = parseQuery(exportQuerySchema, req.nextUrl);
  const out = await exportQueue(ctx, { queueId: pathId(ctx.params.id, "review queue"), format });
  return new Response(out.stream, {
    headers: { "content-type": out.contentType, "content-disposition": `attachment; filename="${out.filename}"`, "cache-control": "no-store" },
  });
}, { permission: "review:manage" });
