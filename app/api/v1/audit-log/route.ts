import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { parseQuery } from "@/lib/api/parse-query";
import { listAuditEntries } from "@/lib/audit/list-audit-entries";
import { auditQuerySchema } from "@/lib/audit/schemas";

/** GET /api/v1/audit-log?action=&actor=&target=&from=&to=&cursor=&limit= — newest first. Read-only: no route edits or deletes entries. */
export const GET = withApi(async (req, ctx) => json(await listAuditEntries(ctx, parseQuery(auditQuerySchema, req.nextUrl))), { permission: "audit:read" });
