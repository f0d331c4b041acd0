import type { MetricName } from "@/lib/alerts/rules/rule-schema";
import type { MetricSource } from "./metric-source";
import { readTotals } from "./read-totals";

/** Latency percentiles from the merged DDSketches (1% relative error). */
function latency(name: MetricName, label: string, key: "p50" | "p95" | "p99"): MetricSource {
  return {
    name,
    label,
    unit: "ms",
    async read(db, q) {
      return (await readTotals(db, q, true)).map((g) => ({ key: g.key, labels: g.labels, value: g.agg.latency()[key], samples: g.agg.sketch.count }));
    },
  };
}

export const latencyP50 = latency("latency_p50", "Latency p50", "p50");
export const latencyP95 = latency("latency_p95", "Latency p95", "p95");
export const latencyP99 = latency("latency_p99", "Latency p99", "p99");
