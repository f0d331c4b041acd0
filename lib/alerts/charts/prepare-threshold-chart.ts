/**
 * Rows, reference lines and shaded bands for a metric-with-thresholds chart (the rule form's
 * backtest and the incident page). Pure: the chart component only renders what this returns.
 */
export interface ThresholdChartInput {
  series: { key: string; labels: Record<string, string>; points: { t: number; value: number | null }[] }[];
  incidents: { key: string; startedAt: number; endedAt: number | null; severity: "warning" | "critical" | null }[];
  threshold: number;
  warningThreshold?: number | null;
  recoveryThreshold?: number | null;
  /** Where an incident still open at the end of the data is drawn to. */
  to: number;
}

export interface ThresholdChart {
  rows: Record<string, number | null>[];
  lines: { dataKey: string; label: string; color: string }[];
  references: { value: number; label: string; tone: "bad" | "warn" | "ok" }[];
  bands: { from: number; to: number; tone: "bad" | "warn"; label: string }[];
  /** Y domain that keeps the thresholds visible even when the data stays far below them. */
  domain: [number, number];
}

const COLORS = ["var(--chart-1)", "var(--chart-2)", "var(--chart-3)", "var(--chart-4)"];

export function prepareThresholdChart(input: ThresholdChartInput): ThresholdChart {
  const byT = new Map<number, Record<string, number | null>>();
  const lines = input.series.map((s, i) => {
    const dataKey = `s${i}`;
    for (const p of s.points) {
      let row = byT.get(p.t);
      if (!row) byT.set(p.t, (row = { t: p.t }));
      row[dataKey] = p.value;
    }
    return { dataKey, label: seriesLabel(s.labels, s.key), color: COLORS[i % COLORS.length] };
  });
  const rows = [...byT.values()].sort((a, b) => (a.t as number) - (b.t as number));
  const references: ThresholdChart["references"] = [{ value: input.threshold, label: "critical", tone: "bad" }];
  if (input.warningThreshold != null) references.push({ value: input.warningThreshold, label: "warning", tone: "warn" });
  if (input.recoveryThreshold != null) references.push({ value: input.recoveryThreshold, label: "recovery", tone: "ok" });
  const bands = input.incidents.map((i) => ({
    from: i.startedAt, to: i.endedAt ?? input.to, tone: i.severity === "warning" ? ("warn" as const) : ("bad" as const),
    label: i.key ? `${i.severity ?? "no data"} · ${i.key}` : (i.severity ?? "no data"),
  }));
  const values = [...rows.flatMap((r) => lines.map((l) => r[l.dataKey]).filter((v): v is number => typeof v === "number")), ...references.map((r) => r.value)];
  const lo = Math.min(0, ...values);
  const hi = Math.max(...values, 0);
  const pad = (hi - lo) * 0.1 || 1;
  return { rows, lines, references, bands, domain: [lo < 0 ? lo - pad : 0, hi + pad] };
}

function seriesLabel(labels: Record<string, string>, key: string): string {
  const parts = Object.values(labels);
  return parts.length ? parts.join(" · ") : key || "value";
}
