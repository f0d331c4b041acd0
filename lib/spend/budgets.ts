import { and, asc, eq } from "drizzle-orm";
import { budget } from "@/db/schema";
import { readSpendOf } from "@/db/statements/spend-reads";
import { NotFoundError } from "@/lib/api/errors";
import { KEY_LAG_MS, keyFloor } from "@/lib/ingest/event-id";
import { KIND_LLM } from "@/lib/ingest/rollup-accumulator";
import { roundUsd } from "@/lib/metrics/aggregate";
import { readRollupsCovering } from "@/lib/metrics/read-covering";
import { actorLabel, authorize, type ServiceContext } from "@/lib/services/context";
import type { BudgetStatus, CreateBudgetInput } from "./budget-schemas";
import { BUDGET_WINDOW_MS, budgetState } from "./budget-status";

type BudgetRow = typeof budget.$inferSelect;

export async function createBudget(ctx: ServiceContext, input: CreateBudgetInput): Promise<BudgetStatus> {
  authorize(ctx, "settings:manage");
  const [row] = await ctx.db.orm
    .insert(budget)
    .values({
      projectId: ctx.projectId, scope: input.scope, subject: input.subject ?? null, window: input.window, limitUsd: input.limitUsd,
      warnAt: input.warnAt, createdBy: actorLabel(ctx.actor), createdAt: ctx.now(),
    })
    .returning();
  return statusOf(ctx, row);
}

export async function deleteBudget(ctx: ServiceContext, input: { id: number }): Promise<void> {
  authorize(ctx, "settings:manage");
  const deleted = await ctx.db.orm.delete(budget).where(and(eq(budget.id, input.id), eq(budget.projectId, ctx.projectId))).returning({ id: budget.id });
  if (deleted.length === 0) throw new NotFoundError(`No budget ${input.id} in this project`);
}

/** Every budget of the project with its spend over its rolling window and its state. */
export async function listBudgets(ctx: ServiceContext): Promise<{ data: BudgetStatus[] }> {
  authorize(ctx, "telemetry:read");
  const rows = await ctx.db.orm.select().from(budget).where(eq(budget.projectId, ctx.projectId)).orderBy(asc(budget.id));
  const data: BudgetStatus[] = [];
  for (const r of rows) data.push(await statusOf(ctx, r));
  return { data };
}

/**
 * One budget's spend and state now, for the alerts' `cost_usd` rules that watch a budget
 * (scope.budgetId): the same figure the budgets page shows. Null when the budget is not in the project.
 */
export async function getBudgetStatus(ctx: ServiceContext, input: { id: number }): Promise<BudgetStatus | null> {
  authorize(ctx, "telemetry:read");
  const [row] = await ctx.db.orm.select().from(budget).where(and(eq(budget.projectId, ctx.projectId), eq(budget.id, input.id)));
  return row ? statusOf(ctx, row) : null;
}

/**
 * Project budgets read the rollups (LLM rows' cost); user and tag budgets scan the window's
 * events, which the rollups do not split by (at most 30 days: the spend breakdown's bound).
 */
async function statusOf(ctx: ServiceContext, r: BudgetRow): Promise<BudgetStatus> {
  const to = ctx.now();
  const from = to - BUDGET_WINDOW_MS[r.window];
  let spent = 0;
  if (r.scope === "project") {
    for (const row of await readRollupsCovering(ctx.db, { projectId: ctx.projectId, from, to, kind: KIND_LLM }, to)) spent += row.costUsd;
  } else {
    const f = { projectId: ctx.projectId, lo: keyFloor(from), hi: keyFloor(to + KEY_LAG_MS), from, to, modelId: null };
    spent = await readSpendOf(ctx.db, r.scope, r.subject ?? "", f);
  }
  spent = roundUsd(spent);
  return {
    id: r.id, scope: r.scope, subject: r.subject, window: r.window, limitUsd: r.limitUsd, warnAt: r.warnAt, spentUsd: spent,
    used: spent / r.limitUsd, state: budgetState(spent, r.limitUsd, r.warnAt), windowFrom: new Date(from).toISOString(), createdBy: r.createdBy,
  };
}
