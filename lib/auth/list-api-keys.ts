import { and, desc, eq } from "drizzle-orm";
import { apiKey } from "@/db/schema";
import { NotFoundError, ValidationError } from "@/lib/api/errors";
import { authorize, type ServiceContext } from "@/lib/services/context";
import { createApiKey, revokeApiKey } from "./api-keys";
import type { ApiKeyView, CreateApiKeyBody } from "./api-key-schemas";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The project's keys, newest first, revoked ones included (marked); never the key or its hash. */
export async function listApiKeys(ctx: ServiceContext): Promise<ApiKeyView[]> {
  authorize(ctx, "keys:manage");
  const rows = await ctx.db.orm.select().from(apiKey).where(eq(apiKey.projectId, ctx.projectId)).orderBy(desc(apiKey.id));
  return rows.map((r) => ({
    id: r.id, name: r.name, prefix: r.prefix, scopes: r.scopes, createdAt: new Date(r.createdAt).toISOString(),
    lastUsedAt: iso(r.lastUsedAt), expiresAt: iso(r.expiresAt), revokedAt: iso(r.revokedAt),
  }));
}

export async function getApiKeyView(ctx: ServiceContext, id: number): Promise<ApiKeyView> {
  const view = (await listApiKeys(ctx)).find((k) => k.id === id);
  if (!view) throw new NotFoundError(`API key ${id} not found`);
  return view;
}

/** POST /api/v1/api-keys: the key is in the answer once, with its id and visible prefix. */
export async function issueApiKey(ctx: ServiceContext, input: CreateApiKeyBody): Promise<ApiKeyView & { key: string }> {
  if (input.expiresAt !== undefined && input.expiresAt <= ctx.now()) {
    throw new ValidationError("expiresAt must be in the future", [{ path: "expiresAt", message: "must be in the future" }]);
  }
  const { id, key } = await createApiKey(ctx, input);
  return { ...(await getApiKeyView(ctx, id)), key };
}

/** DELETE /api/v1/api-keys/{id}: 404 for another project's key or an unknown id. */
export async function revokeProjectApiKey(ctx: ServiceContext, id: number): Promise<ApiKeyView> {
  authorize(ctx, "keys:manage");
  const [row] = await ctx.db.orm.select({ id: apiKey.id }).from(apiKey).where(and(eq(apiKey.id, id), eq(apiKey.projectId, ctx.projectId))).limit(1);
  if (!row) throw new NotFoundError(`API key ${id} not found`);
  await revokeApiKey(ctx, { keyId: id }); // already revoked: no change, same answer
  return getApiKeyView(ctx, id);
}
