import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { getEvent } from "@/lib/events/get-event";

export const GET = withApi(async (_req, ctx) => json(await getEvent(ctx, { id: ctx.params.id })), { permission: "telemetry:read" });
