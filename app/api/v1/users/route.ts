import { withApi } from "@/lib/api/with-api";
import { parseQuery } from "@/lib/api/parse-query";
import { json } from "@/lib/api/responses";
import { listEndUsers, listEndUsersQuerySchema } from "@/lib/end-users/list-end-users";

export const GET = withApi(async (req, ctx) => json(await listEndUsers(ctx, parseQuery(listEndUsersQuerySchema, req.nextUrl))), {
  permission: "telemetry:read",
});
