import type { MetricName } from "@/lib/alerts/rules/rule-schema";
import { hallucinationRate } from "./hallucination";
import { latencyP50, latencyP95, latencyP99 } from "./latency";
import type { MetricSource } from "./metric-source";
import { errorRate, requestCount } from "./requests";
import { costUsd, tokens, unpricedCount } from "./spend";

/**
 * The metrics this build can evaluate. Rule schemas accept every name in METRIC_NAMES;
 * creating a rule on a metric missing here answers 400 "metric not available in this build".
 * Adding one (confirmed_hallucination_rate, drift_share, feature_drift, accuracy,
 * injection_rate, review_backlog) is one new file exporting a MetricSource, plus its line here.
 */
const SOURCES: MetricSource[] = [requestCount, errorRate, latencyP50, latencyP95, latencyP99, costUsd, tokens, hallucinationRate, unpricedCount];

export const METRIC_SOURCES: ReadonlyMap<MetricName, MetricSource> = new Map(SOURCES.map((s) => [s.name, s]));

export function metricSource(name: string): MetricSource | null {
  return METRIC_SOURCES.get(name as MetricName) ?? null;
}
