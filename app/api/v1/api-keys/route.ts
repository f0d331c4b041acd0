import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { readJson } from "@/lib/dashboard/read-json";
import { createApiKeySchema } from "@/lib/auth/api-key-schemas";
import { issueApiKey, listApiKeys } from "@/lib/auth/list-api-keys";

/** GET /api/v1/api-keys — prefix, scopes, created, last used, expiry, revoked; never the key. */
export const GET = withApi(async (_req, ctx) => json({ apiKeys: await listApiKeys(ctx) }), { permission: "keys:manage" });

/** POST /api/v1/api-keys {name, scopes, expiresAt?} — 201 with the key, shown this once. */
export const POST = withApi(
  async (req, ctx) => json({ apiKey: await issueApiKey(ctx, await readJson(req, createApiKeySchema)) }, 201),
  { permission: "keys:manage" },
);
