import { formatCount, formatMs, formatPercent, formatUsd } from "@/lib/charts/format";

const RATIOS = new Set(["error_rate", "hallucination_rate", "confirmed_hallucination_rate", "drift_share", "accuracy", "injection_rate"]);

/** How a rule's value reads: percent change in relative mode, else by the metric's unit. */
export function metricFormatter(metric: string, relative: boolean): (v: number) => string {
  if (relative) return (v) => `${v > 0 ? "+" : ""}${Math.round(v * 10) / 10}%`;
  if (RATIOS.has(metric)) return (v) => formatPercent(v, 1);
  if (metric.startsWith("latency_")) return (v) => formatMs(v);
  if (metric === "cost_usd") return (v) => formatUsd(v);
  if (metric === "feature_drift") return (v) => v.toFixed(3);
  return (v) => formatCount(v);
}

export const METRIC_LABELS: Record<string, string> = {
  request_count: "Request count", error_rate: "Error rate", latency_p50: "Latency p50", latency_p95: "Latency p95", latency_p99: "Latency p99",
  cost_usd: "Cost (USD)", tokens: "Tokens", hallucination_rate: "Hallucination rate (detector)", confirmed_hallucination_rate: "Hallucination rate (confirmed)",
  drift_share: "Drifted feature share", feature_drift: "Feature drift", accuracy: "Accuracy", unpriced_count: "Unpriced events", injection_rate: "Injection rate",
  review_backlog: "Review backlog",
};
