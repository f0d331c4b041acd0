import { withApi } from "@/lib/api/with-api";
import { parseQuery } from "@/lib/api/parse-query";
import { json } from "@/lib/api/responses";
import { listSessions, listSessionsQuerySchema } from "@/lib/sessions/list-sessions";

export const GET = withApi(async (req, ctx) => json(await listSessions(ctx, parseQuery(listSessionsQuerySchema, req.nextUrl))), {
  permission: "telemetry:read",
});
