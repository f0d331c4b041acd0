import { withApi } from "@/lib/api/with-api";
import { parseQuery } from "@/lib/api/parse-query";
import { exportAuditCsv } from "@/lib/audit/list-audit-entries";
import { auditQuerySchema } from "@/lib/audit/schemas";

/** GET /api/v1/audit-log/export?… — the same filters as CSV, safe to open in a spreadsheet. */
export const GET = withApi(
  async (req, ctx) => {
    const csv = await exportAuditCsv(ctx, parseQuery(auditQuerySchema, req.nextUrl));
    return new Response(csv, {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="sightline-audit-${new Date(ctx.now()).toISOString().slice(0, 10)}.csv"` },
    });
  },
  { permission: "audit:read" },
);
