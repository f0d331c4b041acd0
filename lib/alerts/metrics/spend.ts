import type { MetricSource } from "./metric-source";
import { readTotals } from "./read-totals";

/** Spend, tokens and events without a price: sums over the window, samples = calls. */
export const costUsd: MetricSource = {
  name: "cost_usd",
  label: "Cost (USD)",
  unit: "usd",
  async read(db, q) {
    return (await readTotals(db, q, false)).map((g) => ({ key: g.key, labels: g.labels, value: g.agg.costUsd, samples: g.agg.count }));
  },
};

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
