import { INTERVAL_MS, type Interval } from "@/lib/time/ranges";

export interface SparklineGeometry {
  line: string;
  area: string;
  max: number;
}

/**
 * SVG paths for a sparkline of `values` in a width × height box (y grows downwards). Rendered
 * as plain SVG on the overview so the fleet table needs no chart library.
 */
export function sparklinePaths(values: number[], width: number, height: number, pad = 1): SparklineGeometry {
  if (values.length === 0) return { line: "", area: "", max: 0 };
  const max = Math.max(...values, 0);
  const stepX = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  const y = (v: number) => (max > 0 ? height - pad - (v / max) * (height - 2 * pad) : height - pad);
  const pts = values.map((v, i) => [pad + i * stepX, y(v)] as const);
  if (pts.length === 1) pts.push([width - pad, pts[0][1]]);
  const r = (n: number) => Math.round(n * 10) / 10;
  const line = pts.map(([x, yy], i) => `${i === 0 ? "M" : "L"}${r(x)} ${r(yy)}`).join(" ");
  const area = `${line} L${r(pts[pts.length - 1][0])} ${height} L${r(pts[0][0])} ${height} Z`;
  return { line, area, max };
}

/**
 * A sparkline's buckets without the one the window ends inside: that bucket is still filling
 * up, and drawn it reads as a collapse in traffic at the right edge of every row.
 */
export function completeBuckets(values: number[], window: { to: number; interval: Interval }): number[] {
  const step = INTERVAL_MS[window.interval];
  const lastStart = Math.floor(window.to / step) * step;
  return values.length > 1 && lastStart + step - 1 > window.to ? values.slice(0, -1) : values;
}
