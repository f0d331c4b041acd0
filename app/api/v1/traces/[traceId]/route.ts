import { withApi } from "@/lib/api/with-api";
import { NotFoundError } from "@/lib/api/errors";
import { json } from "@/lib/api/responses";
import { getTraceSummary } from "@/lib/traces/list-traces";

export const GET = withApi(
  async (_req, ctx) => {
    const summary = await getTraceSummary(ctx, ctx.params.traceId);
    if (!summary) throw new NotFoundError(`No trace '${ctx.params.traceId}'`);
    return json({ trace: summary });
  },
  { permission: "telemetry:read" },
);
