import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memo } from "@/db/client";
import { apiKey, type Scope } from "@/db/schema";
import { displayPrefix, generateApiKey, hashApiKey } from "./api-key-token";

export interface ApiKeyPrincipal {
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
type KeyCache = Map<string, { principal: ApiKeyPrincipal | null; until: number }>;

function keyCache(db: Db): KeyCache {
  return memo(db, "apiKeyCache", () => new Map());
}

export function verifyApiKey(db: Db, key: string): ApiKeyPrincipal | null {
  const hash = hashApiKey(key);
  const now = Date.now();
  const cache = keyCache(db);
  const hit = cache.get(hash);
  if (hit && hit.until > now) return hit.principal;
  const row = db.orm.select().from(apiKey).where(eq(apiKey.keyHash, hash)).get();
  const valid = row && !row.revokedAt && (!row.expiresAt || row.expiresAt > now);
  const principal = valid ? { keyId: row.id, projectId: row.projectId, scopes: row.scopes } : null;
  if (valid) db.orm.update(apiKey).set({ lastUsedAt: now }).where(eq(apiKey.id, row.id)).run();
  if (cache.size > 10_000) cache.clear();
  cache.set(hash, { principal, until: now + KEY_CACHE_MS });
  return principal;
}

export interface CreateApiKeyInput {
  projectId: number;
  name: string;
  scopes: Scope[];
  createdBy?: number | null;
  /** Register this exact key (headless init); otherwise a new random key is generated. */
  key?: string;
}

/** Returns the plain key: it is shown once and never stored. */
export function createApiKey(db: Db, input: CreateApiKeyInput): { id: number; key: string } {
  const key = input.key ?? generateApiKey();
  const row = db.orm
    .insert(apiKey)
    .values({
      projectId: input.projectId,
      name: input.name,
      prefix: displayPrefix(key),
      keyHash: hashApiKey(key),
      scopes: input.scopes,
      createdBy: input.createdBy ?? null,
      createdAt: Date.now(),
    })
    .returning({ id: apiKey.id })
    .get();
  keyCache(db).delete(hashApiKey(key));
  return { id: row.id, key };
}

export function findApiKeyByPlainKey(db: Db, key: string) {
  return db.orm.select().from(apiKey).where(eq(apiKey.keyHash, hashApiKey(key))).get();
}

export function revokeApiKey(db: Db, projectId: number, keyId: number): boolean {
  const res = db.orm
    .update(apiKey)
    .set({ revokedAt: Date.now() })
    .where(and(eq(apiKey.id, keyId), eq(apiKey.projectId, projectId), isNull(apiKey.revokedAt)))
    .run();
  keyCache(db).clear();
  return res.changes > 0;
}
