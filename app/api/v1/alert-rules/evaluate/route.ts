import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { evaluateAlertRulesNow } from "@/lib/alerts/evaluate/evaluate-rules";

/** POST /api/v1/alert-rules/evaluate — admins: one evaluation pass of this project now, with its transitions. */
export const POST = withApi(async (_req, ctx) => json(await evaluateAlertRulesNow(ctx, `api:${ctx.requestId}`)), { permission: "settings:manage" });
