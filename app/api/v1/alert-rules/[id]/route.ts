import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { readJson } from "@/lib/dashboard/read-json";
import { deleteAlertRule } from "@/lib/alerts/rules/delete-rule";
import { getAlertRule } from "@/lib/alerts/rules/get-rule";
import { updateRuleSchema } from "@/lib/alerts/rules/rule-schema";
import { updateAlertRule } from "@/lib/alerts/rules/update-rule";
import { routeId } from "@/lib/alerts/route-id";

export const GET = withApi(async (_req, ctx) => json(await getAlertRule(ctx, routeId(ctx.params))), { permission: "telemetry:read" });

export const PATCH = withApi(
  async (req, ctx) => json(await updateAlertRule(ctx, { ...routeId(ctx.params), patch: await readJson(req, updateRuleSchema) })),
  { permission: "alerts:write" },
);

export const DELETE = withApi(async (_req, ctx) => json(await deleteAlertRule(ctx, routeId(ctx.params))), { permission: "alerts:write" });
