"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { budgetsQuery, createBudget, deleteBudget, type BudgetForm as BudgetFormValues } from "@/lib/queries/budgets";
import { queryKeys } from "@/lib/queries/keys";
import { BudgetForm } from "./budget-form";
import { BudgetsList } from "./budgets-list";

/** Spend budgets of the project: their state for everyone, add and remove for admins. */
export function BudgetsCard({ project, canManage }: { project: string | null; canManage: boolean }) {
  const qc = useQueryClient();
  const budgets = useQuery(budgetsQuery(project));
  const refresh = () => qc.invalidateQueries({ queryKey: queryKeys.budgets(project) });
  const add = useMutation({ mutationFn: (v: BudgetFormValues) => createBudget(project, v), onSuccess: refresh });
  const remove = useMutation({ mutationFn: (id: number) => deleteBudget(project, id), onSuccess: refresh });
  return (
    <Card>
      <CardHeader title="Budgets" description="Spend over a rolling window: warning from the threshold, exceeded at the limit" />
      <CardBody className="flex flex-col gap-4">
        {budgets.error ? <ErrorState error={budgets.error} /> : <BudgetsList budgets={budgets.data?.data ?? []} onDelete={canManage ? (b) => remove.mutate(b.id) : undefined} />}
        {canManage ? <BudgetForm busy={add.isPending} error={add.error ? add.error.message : null} onSubmit={(v) => add.mutate(v)} /> : null}
      </CardBody>
    </Card>
  );
}
