/** Nearest-rank percentile of unsorted samples (ms). */
export function percentile(samples: number[], p: number): number | null {
  if (!samples.length) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export interface LatencySummary {
  n: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

export function summarise(samples: number[]): LatencySummary {
  const r = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
  return {
    n: samples.length, p50: r(percentile(samples, 50)), p95: r(percentile(samples, 95)), p99: r(percentile(samples, 99)),
    max: r(samples.length ? Math.max(...samples) : null),
  };
}

export const round = (x: number, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;
