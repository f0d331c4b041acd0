import { json } from "@/lib/api/responses";
import { withApi } from "@/lib/api/with-api";
import { readJson } from "@/lib/dashboard/read-json";
import { createBudgetSchema } from "@/lib/spend/budget-schemas";
import { createBudget, listBudgets } from "@/lib/spend/budgets";

/** GET /api/v1/budgets — the project's spend budgets with their spend and state. */
export const GET = withApi(async (_req, ctx) => json(await listBudgets(ctx)), { permission: "telemetry:read" });

/** POST /api/v1/budgets {scope, subject?, window, limitUsd, warnAt?} — 201 with its current status. */
export const POST = withApi(async (req, ctx) => json({ budget: await createBudget(ctx, await readJson(req, createBudgetSchema)) }, 201), {
  permission: "settings:manage",
});
