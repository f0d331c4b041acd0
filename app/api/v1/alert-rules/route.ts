import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { readJson } from "@/lib/dashboard/read-json";
import { createAlertRule } from "@/lib/alerts/rules/create-rule";
import { listAlertRules } from "@/lib/alerts/rules/get-rule";
import { createRuleSchema } from "@/lib/alerts/rules/rule-schema";

export const GET = withApi(async (_req, ctx) => json(await listAlertRules(ctx)), { permission: "telemetry:read" });

/** POST /api/v1/alert-rules — 201; a metric without a source in this build is a 400. */
export const POST = withApi(async (req, ctx) => json(await createAlertRule(ctx, await readJson(req, createRuleSchema)), 201), {
  permission: "alerts:write",
});
