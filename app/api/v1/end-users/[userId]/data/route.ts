import { z } from "zod";
import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { parseBody } from "@/lib/api/parse-query";
import { eraseEndUserData } from "@/lib/governance/erase-end-user";

const params = z.object({ userId: z.string().min(1).max(256) });

/** DELETE /api/v1/end-users/{userId}/data — erases that end user's raw events (aggregates stay); audited. */
export const DELETE = withApi(async (_req, ctx) => json(await eraseEndUserData(ctx, parseBody(params, ctx.params))), { permission: "settings:manage" });
