import type { MetricSource } from "./metric-source";
import { readTotals } from "./read-totals";

/** Detector-flagged share among calls that carried a verdict; samples = judged calls. */
export const hallucinationRate: MetricSource = {
  name: "hallucination_rate",
  label: "Hallucination rate (detector)",
  unit: "ratio",
  async read(db, q) {
    return (await readTotals(db, q, false)).map((g) => ({ key: g.key, labels: g.labels, value: g.agg.hallucinationRate(), samples: g.agg.judgedCount }));
  },
};
