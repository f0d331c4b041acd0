import { classificationMetrics, type ClassificationMetrics } from "./classification";
import { median, regressionMetrics, type RegressionMetrics } from "./regression";
import type { TaskKind } from "./task-kind";

/** A prediction with its label, if one has arrived (joined by the label's targetId). */
export interface JoinedPrediction {
  ts: number;
  version: string | null;
  predicted: string | number;
  score: number | null;
  actual: string | number | null;
  labelTs: number | null;
}

export interface PerformanceSummary {
  predictions: number;
  labelled: number;
  /** Share of predictions that have a label. */
  labelCoverage: number;
  /** Median label time − prediction time, ms; null when nothing is labelled. */
  medianLabelDelayMs: number | null;
  classification: ClassificationMetrics | null;
  regression: RegressionMetrics | null;
}

/** Metrics of one group of predictions (a bucket, a version, the whole window). */
export function summarisePerformance(rows: readonly JoinedPrediction[], task: TaskKind): PerformanceSummary {
  const labelled = rows.filter((r) => r.actual !== null);
  const delays = labelled.flatMap((r) => (r.labelTs === null ? [] : [r.labelTs - r.ts]));
  return {
    predictions: rows.length,
    labelled: labelled.length,
    labelCoverage: rows.length === 0 ? 0 : labelled.length / rows.length,
    medianLabelDelayMs: median(delays),
    classification:
      task === "classification"
        ? classificationMetrics(labelled.map((r) => ({ predicted: String(r.predicted), actual: String(r.actual), score: r.score })))
        : null,
    regression:
      task === "regression"
        ? regressionMetrics(
            labelled.flatMap((r) => (typeof r.predicted === "number" && typeof r.actual === "number" ? [{ predicted: r.predicted, actual: r.actual }] : [])),
          )
        : null,
  };
}

/** Metrics per time bucket (bucket start = floor(ts / interval) · interval), oldest first, gaps left out. */
export function performanceOverTime(rows: readonly JoinedPrediction[], task: TaskKind, intervalMs: number): (PerformanceSummary & { bucket: number })[] {
  const groups = new Map<number, JoinedPrediction[]>();
  for (const r of rows) {
    const b = Math.floor(r.ts / intervalMs) * intervalMs;
    let g = groups.get(b);
    if (!g) groups.set(b, (g = []));
    g.push(r);
  }
  return [...groups].sort((a, b) => a[0] - b[0]).map(([bucket, g]) => ({ bucket, ...summarisePerformance(g, task) }));
}

/** Metrics per model version (predictions without a version under null), most predictions first. */
export function performanceByVersion(rows: readonly JoinedPrediction[], task: TaskKind): (PerformanceSummary & { version: string | null })[] {
  const groups = new Map<string | null, JoinedPrediction[]>();
  for (const r of rows) {
    let g = groups.get(r.version);
    if (!g) groups.set(r.version, (g = []));
    g.push(r);
  }
  return [...groups]
    .map(([version, g]) => ({ version, ...summarisePerformance(g, task) }))
    .sort((a, b) => b.predictions - a.predictions || String(a.version).localeCompare(String(b.version)));
}
