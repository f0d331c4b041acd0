import { z } from "zod";
import { SCOPES } from "@/db/schema";

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(SCOPES)).min(1).max(SCOPES.length).transform((s) => [...new Set(s)]),
  /** ISO time or epoch milliseconds; must be in the future. */
  expiresAt: z.union([z.iso.datetime({ offset: true }).transform((s) => Date.parse(s)), z.number().int().positive()]).optional(),
});

export const apiKeyIdParam = z.object({ id: z.coerce.number().int().positive() });

export const apiKeyViewSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  /** The first characters, to tell keys apart; the key itself is never shown again. */
  prefix: z.string(),
  scopes: z.array(z.enum(SCOPES)),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const createdApiKeySchema = apiKeyViewSchema.extend({ key: z.string() });

export type CreateApiKeyBody = z.output<typeof createApiKeySchema>;
export type ApiKeyView = z.output<typeof apiKeyViewSchema>;
