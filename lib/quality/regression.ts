export interface RegressionMetrics {
  count: number;
  mae: number;
  rmse: number;
  /** Mean |error| / |actual| over rows whose actual value is not 0 (a 0 would divide by zero); null when none. */
  mape: number | null;
}

export function regressionMetrics(rows: readonly { predicted: number; actual: number }[]): RegressionMetrics | null {
  if (rows.length === 0) return null;
  let abs = 0;
  let sq = 0;
  let pct = 0;
  let pctCount = 0;
  for (const { predicted, actual } of rows) {
    const e = predicted - actual;
    abs += Math.abs(e);
    sq += e * e;
    if (actual !== 0) {
      pct += Math.abs(e / actual);
      pctCount++;
    }
  }
  return { count: rows.length, mae: abs / rows.length, rmse: Math.sqrt(sq / rows.length), mape: pctCount ? pct / pctCount : null };
}

/** Median of a list (mean of the middle two for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
