import { withApi } from "@/lib/api/with-api";
import { json } from "@/lib/api/responses";
import { readJson } from "@/lib/dashboard/read-json";
import { backtestAlertRule, backtestInputSchema } from "@/lib/alerts/rules/backtest-rule";

/** POST /api/v1/alert-rules/backtest — a draft rule (same body as create) replayed over the last 7 days. */
export const POST = withApi(async (req, ctx) => json(await backtestAlertRule(ctx, await readJson(req, backtestInputSchema))), { permission: "telemetry:read" });
