import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { readJson } from "@/lib/dashboard/read-json";
import { createSilence, createSilenceSchema, listSilences } from "@/lib/alerts/incidents/silences";

/** GET /api/v1/silences — silences that have not ended. */
export const GET = withApi(async (_req, ctx) => json(await listSilences(ctx)), { permission: "telemetry:read" });

/** POST /api/v1/silences {ruleId?, incidentId?, scope?, startsAt?, endsAt, reason} — 201. */
export const POST = withApi(async (req, ctx) => json(await createSilence(ctx, await readJson(req, createSilenceSchema)), 201), { permission: "alerts:write" });
