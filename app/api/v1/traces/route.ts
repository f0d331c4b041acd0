import { withApi } from "@/lib/api/with-api";
import { parseQuery } from "@/lib/api/parse-query";
import { json } from "@/lib/api/responses";
import { listTraces, listTracesQuerySchema } from "@/lib/traces/list-traces";

export const GET = withApi(async (req, ctx) => json(await listTraces(ctx, parseQuery(listTracesQuerySchema, req.nextUrl))), {
  permission: "telemetry:read",
});
