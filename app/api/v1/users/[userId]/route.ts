import { withApi } from "@/lib/api/with-api";
import { NotFoundError } from "@/lib/api/errors";
import { parseQuery } from "@/lib/api/parse-query";
import { json } from "@/lib/api/responses";
import { getEndUser, listEndUsersQuerySchema } from "@/lib/end-users/list-end-users";

export const GET = withApi(
  async (req, ctx) => {
    const user = await getEndUser(ctx, ctx.params.userId, parseQuery(listEndUsersQuerySchema, req.nextUrl));
    if (!user) throw new NotFoundError(`No events of user '${ctx.params.userId}' in this range`);
    return json({ user });
  },
  { permission: "telemetry:read" },
);
