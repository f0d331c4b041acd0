"use client";

import { useRef, useState } from "react";
import { bucketLabel } from "@/lib/charts/bucket-label";
import type { SeriesRow } from "@/lib/charts/fill-series";

/** recharts' plot area inside the chart (YAxis width 52, XAxis height 30, the chart's margins). */
const PLOT = { left: 52, right: 4, top: 4, bottom: 30 };

/**
 * The chart's buckets as keyboard stops: one button per bucket laid over its column, a single
 * Tab stop (roving tabindex) moved with the arrow keys, Home and End; Enter opens the bucket
 * like a click does. The buttons take no pointer events, so hover, click and drag stay the
 * chart's own.
 */
export function BucketKeys({ label, rows, series, stepMs, format, unfinished, band, onPick }: {
  label: string;
  rows: SeriesRow[];
  series: { key: string; label: string }[];
  stepMs: number;
  format: (v: number) => string;
  unfinished: number | null;
  /** Bars sit in bands; line and area points sit on the band edges' grid (recharts' point scale). */
  band: boolean;
  onPick: (t: number) => void;
}) {
  const n = rows.length;
  // The newest bucket is the first stop: what just happened is what one usually looks at.
  const [active, setActive] = useState(n - 1);
  // While a bucket has focus its name is also shown, for sighted keyboard users (no hover tooltip).
  const [focused, setFocused] = useState(false);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  if (n === 0) return null;
  const current = Math.min(active, n - 1);
  const move = (i: number) => {
    const next = Math.max(0, Math.min(n - 1, i));
    setActive(next);
    refs.current[next]?.focus();
  };
  const column = (i: number): { left: number; width: number } => {
    if (band || n === 1) return { left: i / n, width: 1 / n };
    const w = 1 / (n - 1);
    const left = Math.max(0, (i - 0.5) * w);
    return { left, width: Math.min(1, (i + 0.5) * w) - left };
  };
  return (
    <div
      role="group"
      aria-label={`${label}: buckets (arrow keys move, Enter opens the events)`}
      className="pointer-events-none absolute"
      style={{ left: PLOT.left, right: PLOT.right, top: PLOT.top, bottom: PLOT.bottom }}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onKeyDown={(e) => {
        const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
        if (step !== undefined) move(current + step);
        else if (e.key === "Home") move(0);
        else if (e.key === "End") move(n - 1);
        else return;
        e.preventDefault();
      }}
    >
      {focused ? (
        <div aria-hidden data-testid="bucket-caption" className="absolute right-1 top-1 z-10 rounded border border-border bg-surface px-1.5 py-0.5 text-[11px] text-fg shadow-sm">
          {bucketLabel(rows[current], series, stepMs, format, unfinished)}
        </div>
      ) : null}
      {rows.map((r, i) => {
        const c = column(i);
        return (
          <button
            key={r.t}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            data-testid="chart-bucket"
            data-t={r.t}
            tabIndex={i === current ? 0 : -1}
            aria-label={bucketLabel(r, series, stepMs, format, unfinished)}
            onFocus={() => setActive(i)}
            onClick={() => onPick(r.t)}
            className="absolute inset-y-0 rounded-sm opacity-0 focus-visible:bg-accent/20 focus-visible:opacity-100 focus-visible:outline-2 focus-visible:outline-accent"
            style={{ left: `${c.left * 100}%`, width: `${c.width * 100}%` }}
          />
        );
      })}
    </div>
  );
}
