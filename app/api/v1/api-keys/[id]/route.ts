import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { parseBody } from "@/lib/api/parse-query";
import { apiKeyIdParam } from "@/lib/auth/api-key-schemas";
import { revokeProjectApiKey } from "@/lib/auth/list-api-keys";

/** DELETE /api/v1/api-keys/{id} — revokes; every process refuses the key within 10 s. */
export const DELETE = withApi(
  async (_req, ctx) => json({ apiKey: await revokeProjectApiKey(ctx, parseBody(apiKeyIdParam, ctx.params).id) }),
  { permission: "keys:manage" },
);
