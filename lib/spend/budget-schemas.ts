import { z } from "zod";
import { BUDGET_SCOPES, BUDGET_WINDOWS } from "@/db/schema/budget";

export const createBudgetSchema = z
  .object({
    scope: z.enum(BUDGET_SCOPES),
    /** The end user's id or the tag; omitted for a project budget. */
    subject: z.string().trim().min(1).max(256).optional(),
    window: z.enum(BUDGET_WINDOWS),
    limitUsd: z.number().positive().max(1e9),
    warnAt: z.number().min(0).max(1).default(0.8),
  })
  .superRefine((b, ctx) => {
    if (b.scope === "project" && b.subject !== undefined) ctx.addIssue({ code: "custom", path: ["subject"], message: "a project budget has no subject" });
    if (b.scope !== "project" && b.subject === undefined) ctx.addIssue({ code: "custom", path: ["subject"], message: `a ${b.scope} budget needs the ${b.scope === "user" ? "user id" : "tag"}` });
  });
export type CreateBudgetInput = z.output<typeof createBudgetSchema>;

export const budgetStatusSchema = z.object({
  id: z.number().int(),
  scope: z.enum(BUDGET_SCOPES),
  subject: z.string().nullable(),
  window: z.enum(BUDGET_WINDOWS),
  limitUsd: z.number(),
  warnAt: z.number(),
  /** Spend over the rolling window ending now. */
  spentUsd: z.number(),
  /** spent ÷ limit. */
  used: z.number(),
  state: z.enum(["ok", "warning", "exceeded"]),
  windowFrom: z.string(),
  createdBy: z.string(),
});
export type BudgetStatus = z.output<typeof budgetStatusSchema>;
