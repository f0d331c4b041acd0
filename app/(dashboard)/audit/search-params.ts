import { z } from "zod";

const text = (max: number) => z.string().min(1).max(max).optional().catch(undefined);

/** Audit log URL state: the filters of GET /api/v1/audit-log. */
export const auditSearchParams = z.object({
  project: text(100),
  action: text(100),
  actor: text(320),
  target: text(300),
});

export type AuditSearchParams = z.infer<typeof auditSearchParams>;
