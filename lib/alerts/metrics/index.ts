import type { MetricName } from "@/lib/alerts/rules/rule-schema";
import { accuracy } from "./accuracy";
import { driftShare, featureDrift } from "./drift";
import { hallucinationRate } from "./hallucination";
import { latencyP50, latencyP95, latencyP99 } from "./latency";
import type { MetricSource } from "./metric-source";
import { errorRate, requestCount } from "./requests";
import { confirmedHallucinationRate, reviewBacklogMetric } from "./review";
import { costUsd, tokens, unpricedCount } from "./spend";

/**
 * The metrics this build can evaluate. Rule schemas accept every name in METRIC_NAMES;
 * creating a rule on a metric missing here answers 400 "metric not available in this build".
 * Adding one is one new file exporting a MetricSource, plus its line here. `injection_rate` has
 * none yet: its data comes with the governance branch (prompt-injection detection).
 */
const SOURCES: MetricSource[] = [
  requestCount, errorRate, latencyP50, latencyP95, latencyP99, costUsd, tokens, hallucinationRate, unpricedCount,
  confirmedHallucinationRate, reviewBacklogMetric, driftShare, featureDrift, accuracy,
];

export const METRIC_SOURCES: ReadonlyMap<MetricName, MetricSource> = new Map(SOURCES.map((s) => [s.name, s]));

export function metricSource(name: string): MetricSource | null {
  return METRIC_SOURCES.get(name as MetricName) ?? null;
}
