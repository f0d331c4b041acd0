import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memo } from "@/db/client";
import { apiKey, type Scope } from "@/db/schema";
import { authorize, type ServiceContext } from "@/lib/services/context";
import { recordAudit } from "@/lib/audit/record-audit";
import { displayPrefix, generateApiKey, hashApiKey } from "./api-key-token";

export interface VerifiedApiKey {
  keyId: number;
  projectId: number;
  scopes: Scope[];
}

/**
 * Verified keys are cached briefly so the ingest path does not hit the table per request.
 * Revocation through `revokeApiKey` clears the cache at once; a revocation made by another
 * process is seen within KEY_CACHE_MS.
 */
const KEY_CACHE_MS = 10_000;
type KeyCache = Map<string, { key: VerifiedApiKey | null; until: number }>;

function keyCache(db: Db): KeyCache {
  return memo(db, "apiKeyCache", () => new Map());
}

export async function verifyApiKey(db: Db, plain: string, now: number = Date.now()): Promise<VerifiedApiKey | null> {
  const hash = hashApiKey(plain);
  const cache = keyCache(db);
  const hit = cache.get(hash);
  if (hit && hit.until > now) return hit.key;
  const [row] = await db.orm.select().from(apiKey).where(eq(apiKey.keyHash, hash)).limit(1);
  const valid = row && !row.revokedAt && (!row.expiresAt || row.expiresAt > now);
  const key = valid ? { keyId: row.id, projectId: row.projectId, scopes: row.scopes } : null;
  if (valid) await db.orm.update(apiKey).set({ lastUsedAt: now }).where(eq(apiKey.id, row.id));
  if (cache.size > 10_000) cache.clear();
  cache.set(hash, { key, until: now + KEY_CACHE_MS });
  return key;
}

export interface CreateApiKeyInput {
  name: string;
  scopes: Scope[];
  expiresAt?: number | null;
  /** Register this exact key (headless init); otherwise a new random key is generated. */
  key?: string;
}

/** Creates a key in the context's project. Returns the plain key: it is shown once and never stored. */
export async function createApiKey(ctx: ServiceContext, input: CreateApiKeyInput): Promise<{ id: number; key: string; prefix: string }> {
  authorize(ctx, "keys:manage");
  const key = input.key ?? generateApiKey();
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx.orm
      .insert(apiKey)
      .values({
        projectId: ctx.projectId,
        name: input.name,
        prefix: displayPrefix(key),
        keyHash: hashApiKey(key),
        scopes: input.scopes,
        createdBy: ctx.actor.kind === "member" ? ctx.actor.userId : null,
        createdAt: ctx.now(),
        expiresAt: input.expiresAt ?? null,
      })
      .returning({ id: apiKey.id, prefix: apiKey.prefix });
    await recordAudit({ ...ctx, db: tx }, { action: "api_key.create", target: `api_key:${created.id}`, after: { name: input.name, prefix: created.prefix, scopes: input.scopes, expiresAt: input.expiresAt ?? null } });
    return created;
  });
  keyCache(ctx.db).delete(hashApiKey(key));
  return { id: row.id, key, prefix: row.prefix };
}

export async function findApiKeyByPlainKey(db: Db, key: string) {
  const [row] = await db.orm.select().from(apiKey).where(eq(apiKey.keyHash, hashApiKey(key))).limit(1);
  return row;
}

/** Revokes a key of the context's project; true when it was live. */
export async function revokeApiKey(ctx: ServiceContext, input: { keyId: number }): Promise<boolean> {
  authorize(ctx, "keys:manage");
  const rows = await ctx.db.transaction(async (tx) => {
    const revoked = await tx.orm
      .update(apiKey)
      .set({ revokedAt: ctx.now() })
      .where(and(eq(apiKey.id, input.keyId), eq(apiKey.projectId, ctx.projectId), isNull(apiKey.revokedAt)))
      .returning({ id: apiKey.id, name: apiKey.name, prefix: apiKey.prefix });
    if (revoked.length) await recordAudit({ ...ctx, db: tx }, { action: "api_key.revoke", target: `api_key:${input.keyId}`, before: { name: revoked[0].name, prefix: revoked[0].prefix } });
    return revoked;
  });
  keyCache(ctx.db).clear();
  return rows.length > 0;
}
