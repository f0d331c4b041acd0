import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { routeId } from "@/lib/alerts/route-id";
import { endSilence } from "@/lib/alerts/incidents/end-silence";

/** POST /api/v1/silences/{id}/end — ends the silence now; 409 when it has already ended. */
export const POST = withApi(async (_req, ctx) => json(await endSilence(ctx, routeId(ctx.params))), { permission: "alerts:write" });
