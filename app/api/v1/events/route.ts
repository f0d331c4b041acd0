import { withApi } from "@/lib/api/with-api";
import { parseQuery } from "@/lib/api/parse-query";
import { json } from "@/lib/api/responses";
import { listEvents, listEventsQuerySchema } from "@/lib/events/list-events";

export const GET = withApi(async (req, ctx) => json(await listEvents(ctx, parseQuery(listEventsQuerySchema, req.nextUrl))), {
  permission: "telemetry:read",
});
