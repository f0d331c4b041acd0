import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { parseQuery } from "@/lib/api/parse-query";
import { listIncidentsQuerySchema } from "@/lib/alerts/incidents/incident-schema";
import { listIncidents } from "@/lib/alerts/incidents/list-incidents";

/** GET /api/v1/incidents?state=open|pending|firing|recovering|no_data|resolved&ruleId=&limit= */
export const GET = withApi(async (req, ctx) => json(await listIncidents(ctx, parseQuery(listIncidentsQuerySchema, req.nextUrl))), { permission: "telemetry:read" });
