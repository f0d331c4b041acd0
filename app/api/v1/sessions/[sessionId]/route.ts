import { withApi } from "@/lib/api/with-api";
import { NotFoundError } from "@/lib/api/errors";
import { parseQuery } from "@/lib/api/parse-query";
import { json } from "@/lib/api/responses";
import { getSession, listSessionsQuerySchema } from "@/lib/sessions/list-sessions";

export const GET = withApi(
  async (req, ctx) => {
    const session = await getSession(ctx, ctx.params.sessionId, parseQuery(listSessionsQuerySchema, req.nextUrl));
    if (!session) throw new NotFoundError(`No events of session '${ctx.params.sessionId}' in this range`);
    return json({ session });
  },
  { permission: "telemetry:read" },
);
