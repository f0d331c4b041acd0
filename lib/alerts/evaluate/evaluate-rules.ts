import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alertRule, jobLease } from "@/db/schema";
import { ConflictError } from "@/lib/api/errors";
import { toAlertRule } from "@/lib/alerts/rules/rule-view";
import { acquireLease, releaseLease } from "@/lib/scheduler/lease";
import { authorize, type ServiceContext } from "@/lib/services/context";
import { evaluateRule, type RuleTransition } from "./evaluate-rule";

export const EVALUATE_JOB = "alert-evaluate";

/** Every enabled rule of one project, one after another; a failing rule is logged and skipped. */
export async function evaluateProjectRules(db: Db, projectId: number, now: number, signal?: AbortSignal): Promise<RuleTransition[]> {
  const rules = await db.orm.select().from(alertRule).where(and(eq(alertRule.projectId, projectId), eq(alertRule.enabled, true)));
  const out: RuleTransition[] = [];
  for (const r of rules) {
    if (signal?.aborted) break;
    try {
      out.push(...(await evaluateRule(db, projectId, toAlertRule(r), now)));
    } catch (err) {
      console.error(`[sightline] alert rule ${r.id} could not be evaluated`, err);
    }
  }
  return out;
}

/** The scheduler job's pass: every project that has enabled rules. */
export async function evaluateAllRules(db: Db, now: number, signal?: AbortSignal): Promise<RuleTransition[]> {
  const projects = await db.orm.selectDistinct({ projectId: alertRule.projectId }).from(alertRule).where(eq(alertRule.enabled, true));
  const out: RuleTransition[] = [];
  for (const p of projects) out.push(...(await evaluateProjectRules(db, p.projectId, now, signal)));
  return out;
}

/** The scheduled pass takes milliseconds to seconds: wait for it (up to ~10 s) rather than fail at once. */
async function waitForLease(ctx: ServiceContext, holder: string, now: number): Promise<boolean> {
  for (let i = 0; i < 50; i++) {
    if (await acquireLease(ctx.db, EVALUATE_JOB, holder, now, 5 * 60_000, true)) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

/**
 * `POST /api/v1/alert-rules/evaluate`: one pass for this project now, under the evaluation
 * job's lease so it never runs beside the scheduler's own pass (409 while that one runs).
 */
export async function evaluateAlertRulesNow(ctx: ServiceContext, holder: string): Promise<{ evaluatedAt: number; transitions: RuleTransition[] }> {
  authorize(ctx, "settings:manage");
  const now = ctx.now();
  if (!(await waitForLease(ctx, holder, now))) throw new ConflictError("An evaluation pass is running; retry in a few seconds");
  const [lease] = await ctx.db.orm.select({ nextRunAt: jobLease.nextRunAt }).from(jobLease).where(eq(jobLease.name, EVALUATE_JOB));
  let transitions: RuleTransition[] = [];
  try {
    transitions = await evaluateProjectRules(ctx.db, ctx.projectId, now);
  } finally {
    // Keep the job's own schedule: a manual pass neither delays nor advances the next tick.
    await releaseLease(ctx.db, EVALUATE_JOB, holder, ctx.now(), lease?.nextRunAt ?? now, null);
  }
  return { evaluatedAt: now, transitions };
}
