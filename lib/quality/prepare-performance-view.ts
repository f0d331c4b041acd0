import { combineSeries, type SeriesRow } from "@/lib/charts/fill-series";
import type { TimeWindow } from "@/lib/time/ranges";
import type { PerformanceReport } from "./schemas";

/** Chart rows of quality over time: accuracy and macro F1 (classification) or MAE and RMSE (regression), and label coverage. */
export function performanceRows(report: PerformanceReport, window: TimeWindow): { rows: SeriesRow[]; quality: { key: string; label: string }[] } {
  const pick = (f: (s: PerformanceReport["series"][number]) => number | null | undefined) => report.series.map((s) => ({ t: s.t, value: f(s) ?? null }));
  if (report.task === "classification") {
    return {
      rows: combineSeries({ accuracy: pick((s) => s.classification?.accuracy), f1: pick((s) => s.classification?.f1Macro), coverage: pick((s) => s.labelCoverage) }, window, "gap"),
      quality: [{ key: "accuracy", label: "Accuracy" }, { key: "f1", label: "F1 (macro)" }],
    };
  }
  return {
    rows: combineSeries({ mae: pick((s) => s.regression?.mae), rmse: pick((s) => s.regression?.rmse), coverage: pick((s) => s.labelCoverage) }, window, "gap"),
    quality: [{ key: "mae", label: "MAE" }, { key: "rmse", label: "RMSE" }],
  };
}

/** "3.2 h", "45 min", "12 s": a label delay at the scale it lives on. */
export function formatDelay(ms: number | null): string {
  if (ms === null) return "—";
  const a = Math.abs(ms);
  if (a >= 86_400_000) return `${(ms / 86_400_000).toFixed(1)} d`;
  if (a >= 3_600_000) return `${(ms / 3_600_000).toFixed(1)} h`;
  if (a >= 60_000) return `${Math.round(ms / 60_000)} min`;
  return `${Math.round(ms / 1000)} s`;
}
