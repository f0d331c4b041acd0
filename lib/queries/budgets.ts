import { queryOptions } from "@tanstack/react-query";
import type { BudgetStatus } from "@/lib/spend/budget-schemas";
import { apiGet, apiSend } from "./api-client";
import { queryKeys } from "./keys";

export type { BudgetStatus };

export interface BudgetForm {
  scope: BudgetStatus["scope"];
  subject?: string;
  window: BudgetStatus["window"];
  limitUsd: number;
  warnAt?: number;
}

export function budgetsQuery(project: string | null) {
  return queryOptions({
    queryKey: queryKeys.budgets(project),
    queryFn: () => apiGet<{ data: BudgetStatus[] }>("/api/v1/budgets", { project }),
    // Rolling windows move: refresh once a minute.
    refetchInterval: 60_000,
  });
}

export const createBudget = (project: string | null, body: BudgetForm) => apiSend<{ budget: BudgetStatus }>("POST", "/api/v1/budgets", body, { project });
export const deleteBudget = (project: string | null, id: number) => apiSend<null>("DELETE", `/api/v1/budgets/${id}`, undefined, { project });
