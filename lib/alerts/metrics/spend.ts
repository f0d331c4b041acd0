import { systemContext } from "@/lib/services/context";
import { getBudgetStatus } from "@/lib/spend/budgets";
import type { MetricSource } from "./metric-source";
import { readTotals } from "./read-totals";

/**
 * Spend, tokens and events without a price: sums over the window, samples = calls. A `cost_usd`
 * rule naming a budget (scope.budgetId) reads that budget's spend over its own rolling window
 * instead — the figure the budgets page shows — with one sample, so a quiet day still reads $0.
 */
export const costUsd: MetricSource = {
  name: "cost_usd",
  label: "Cost (USD)",
  unit: "usd",
  async read(db, q) {
    if (q.scope.budgetId !== undefined) {
      const b = await getBudgetStatus(systemContext(db, q.projectId, "alerts", () => q.now), { id: q.scope.budgetId });
      if (!b) return [];
      return [{ key: "", labels: { budget: b.subject === null ? "project" : `${b.scope}=${b.subject}`, window: b.window }, value: b.spentUsd, samples: 1 }];
    }
    return (await readTotals(db, q, false)).map((g) => ({ key: g.key, labels: g.labels, value: g.agg.costUsd, samples: g.agg.count }));
  },
};

/**
 * Every token the invoice bills, each once: inputTokens counts cached input (read and write)
 * and outputTokens counts reasoning tokens (the semantics pinned in docs/api.md), so their sum is
 * the total; adding the cache or reasoning details would count those tokens twice.
 */
export const tokens: MetricSource = {
  name: "tokens",
  label: "Tokens",
  unit: "tokens",
  async read(db, q) {
    return (await readTotals(db, q, false)).map((g) => ({ key: g.key, labels: g.labels, value: g.agg.inputTokens + g.agg.outputTokens, samples: g.agg.count }));
  },
};

export const unpricedCount: MetricSource = {
  name: "unpriced_count",
  label: "Unpriced events",
  unit: "count",
  async read(db, q) {
    return (await readTotals(db, q, false)).map((g) => ({ key: g.key, labels: g.labels, value: g.agg.unpricedCount, samples: g.agg.count }));
  },
};
