import { formatDeltaPct } from "./format";

export type Better = "lower" | "higher" | "neutral";

export interface MetricDef<T> {
  key: string;
  label: string;
  get: (row: T) => number | null | undefined;
  format: (v: number | null | undefined) => string;
  /** Which direction is an improvement (latency: lower; count: neutral). */
  better: Better;
}

export interface ComparisonRow {
  key: string;
  label: string;
  a: string;
  b: string;
  delta: string;
  /** "better" / "worse" for B relative to A, "same" when equal or neutral. */
  tone: "better" | "worse" | "same";
}

/** Side-by-side rows for two versions (A = baseline, B = candidate) with the relative delta. */
export function compareVersions<T>(a: T | undefined, b: T | undefined, metrics: MetricDef<T>[]): ComparisonRow[] {
  return metrics.map((m) => {
    const va = a ? m.get(a) : null;
    const vb = b ? m.get(b) : null;
    let tone: ComparisonRow["tone"] = "same";
    if (m.better !== "neutral" && va !== null && va !== undefined && vb !== null && vb !== undefined && va !== vb) {
      const bHigher = vb > va;
      tone = (m.better === "higher") === bHigher ? "better" : "worse";
    }
    return { key: m.key, label: m.label, a: m.format(va), b: m.format(vb), delta: formatDeltaPct(va, vb), tone };
  });
}
