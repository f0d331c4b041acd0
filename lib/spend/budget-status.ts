/** A budget's state: `exceeded` at or above its limit, `warning` from `warnAt` of it, else `ok`. */
export type BudgetState = "ok" | "warning" | "exceeded";

export const BUDGET_WINDOW_MS = { day: 86_400_000, week: 7 * 86_400_000, month: 30 * 86_400_000 } as const;

export function budgetState(spentUsd: number, limitUsd: number, warnAt: number): BudgetState {
  if (spentUsd >= limitUsd) return "exceeded";
  if (spentUsd >= limitUsd * warnAt) return "warning";
  return "ok";
}
