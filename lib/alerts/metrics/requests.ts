import type { MetricSource } from "./metric-source";
import { readTotals } from "./read-totals";

/** Request count and error rate (LLM calls and predictions). */
export const requestCount: MetricSource = {
  name: "request_count",
  label: "Requests",
  unit: "count",
  async read(db, q) {
    return (await readTotals(db, q, false)).map((g) => ({ key: g.key, labels: g.labels, value: g.agg.count, samples: g.agg.count }));
  },
};

export const errorRate: MetricSource = {
  name: "error_rate",
  label: "Error rate",
  unit: "ratio",
  async read(db, q) {
    return (await readTotals(db, q, false)).map((g) => ({ key: g.key, labels: g.labels, value: g.agg.errorRate(), samples: g.agg.count }));
  },
};
