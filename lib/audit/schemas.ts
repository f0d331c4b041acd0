import { z } from "zod";
import { AUDIT_ACTOR_KINDS } from "@/db/schema";

const instant = z.union([z.iso.datetime({ offset: true }).transform((s) => Date.parse(s)), z.coerce.number().int().nonnegative()]);

export const auditQuerySchema = z.object({
  /** Exact action or a prefix ending in a dot: `member.` matches every member action. */
  action: z.string().max(100).optional(),
  /** Substring of the actor label (an e-mail, `api-key:3`, `system:cli`). */
  actor: z.string().max(320).optional(),
  target: z.string().max(300).optional(),
  from: instant.optional(),
  to: instant.optional(),
  /** Entries older than this id (the previous page's `nextCursor`). */
  cursor: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorKind: z.enum(AUDIT_ACTOR_KINDS),
  actorId: z.number().int().nullable(),
  actor: z.string(),
  action: z.string(),
  target: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  address: z.string().nullable(),
  requestId: z.string().nullable(),
});

export const auditPageSchema = z.object({ entries: z.array(auditEntrySchema), nextCursor: z.number().int().nullable() });

export type AuditQuery = z.output<typeof auditQuerySchema>;
export type AuditEntryView = z.output<typeof auditEntrySchema>;
export type AuditPage = z.output<typeof auditPageSchema>;
