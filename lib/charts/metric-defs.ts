import type { MetricDef } from "./compare";
import { formatCount, formatMs, formatPercent, formatUsd } from "./format";

/** The fields shared by /api/v1/metrics groups and prompt version stats. */
export interface VersionMetrics {
  count: number;
  errorRate: number | null;
  latencyMs: { p50: number | null; p95: number | null; p99: number | null };
  inputTokens?: number;
  outputTokens?: number;
  costUsd?: number;
  hallucinationRate?: number | null;
  /** Cache-read share of input tokens: a prompt change that breaks caching shows here at once. */
  cacheHitRate?: number | null;
}

const perCall = (v: VersionMetrics, x: number | undefined) => (v.count > 0 && x !== undefined ? x / v.count : null);

export function versionMetricDefs(kind: "llm" | "ml"): MetricDef<VersionMetrics>[] {
  const base: MetricDef<VersionMetrics>[] = [
    { key: "count", label: "Requests", get: (v) => v.count, format: formatCount, better: "neutral" },
    { key: "errorRate", label: "Error rate", get: (v) => v.errorRate, format: (x) => formatPercent(x, 2), better: "lower" },
    { key: "p50", label: "Latency p50", get: (v) => v.latencyMs.p50, format: formatMs, better: "lower" },
    { key: "p95", label: "Latency p95", get: (v) => v.latencyMs.p95, format: formatMs, better: "lower" },
    { key: "p99", label: "Latency p99", get: (v) => v.latencyMs.p99, format: formatMs, better: "lower" },
  ];
  if (kind === "ml") return base;
  return [
    ...base,
    { key: "tokensPerCall", label: "Tokens / call", get: (v) => perCall(v, (v.inputTokens ?? 0) + (v.outputTokens ?? 0)), format: formatCount, better: "lower" },
    { key: "costPerCall", label: "Cost / call", get: (v) => perCall(v, v.costUsd), format: formatUsd, better: "lower" },
    { key: "cost", label: "Cost", get: (v) => v.costUsd, format: formatUsd, better: "neutral" },
    { key: "cacheHitRate", label: "Cache hit rate", get: (v) => v.cacheHitRate ?? null, format: (x) => formatPercent(x, 1), better: "higher" },
    { key: "hallucinationRate", label: "Hallucination rate", get: (v) => v.hallucinationRate ?? null, format: (x) => formatPercent(x, 2), better: "lower" },
  ];
}
