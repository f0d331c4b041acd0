"use client";

import { useRef, useState } from "react";
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Line, LineChart, Rectangle, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps } from "recharts";
import type { SeriesRow } from "@/lib/charts/fill-series";
import { formatTick, formatTimestamp } from "@/lib/charts/format";
import type { PreparedTimeSeries } from "@/lib/charts/prepare-time-series";
import type { Interval } from "@/lib/time/ranges";

export interface SeriesDef {
  key: string;
  label: string;
  color: string;
}

type Pointer = { activeLabel?: string | number | null } | null | undefined;
const labelOf = (s: Pointer): number | null => (s && s.activeLabel !== undefined && s.activeLabel !== null ? Number(s.activeLabel) : null);

/**
 * Renders prepared rows only: filling, the unfinished bucket and the axis come from
 * lib/charts/prepare-time-series.ts. A click picks a bucket, a drag across buckets picks a
 * range; what happens then is the caller's (drill down, zoom).
 */
export default function TimeSeriesChart({
  prepared: given,
  rows: plainRows,
  series,
  interval,
  format,
  variant = "line",
  height = 180,
  onPick,
  onDrag,
}: {
  /** Rows from lib/charts/prepare-time-series.ts (unfinished bucket, axis); or plain `rows`. */
  prepared?: PreparedTimeSeries;
  rows?: SeriesRow[];
  series: SeriesDef[];
  interval: Interval;
  format: (v: number) => string;
  variant?: "line" | "area" | "bar";
  height?: number;
  onPick?: (t: number) => void;
  onDrag?: (a: number, b: number) => void;
}) {
  // The drag's start lives in a ref: a re-render on mousedown would replace the bar under the
  // pointer, and the browser fires no click when mousedown and mouseup hit different elements.
  const start = useRef<number | null>(null);
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  const prepared: PreparedTimeSeries = given ?? { rows: plainRows ?? [], stepMs: 0, unfinished: null, yDomain: [0, "auto"], allowDecimals: true };
  const { rows, unfinished, yDomain, allowDecimals } = prepared;
  const axis = { stroke: "var(--muted)", fontSize: 10, tickLine: false, axisLine: false } as const;
  const interactive = onPick || onDrag;
  const events = interactive
    ? {
        onMouseDown: (s: Pointer) => {
          start.current = labelOf(s);
        },
        onMouseMove: (s: Pointer) => {
          const t = labelOf(s);
          if (start.current !== null && t !== null && t !== start.current && t !== drag?.b) setDrag({ a: start.current, b: t });
        },
        onMouseUp: () => {
          start.current = null;
          if (!drag) return; // a plain click: no re-render before the click event
          if (drag.b !== drag.a) onDrag?.(drag.a, drag.b);
          setDrag(null);
        },
        // Bars take their own clicks (BucketBar); elsewhere a click picks the bucket under the pointer.
        onClick: variant === "bar" ? undefined : (s: Pointer) => {
          const t = labelOf(s);
          if (t !== null && onPick) onPick(t);
        },
        onMouseLeave: () => {
          start.current = null;
          if (drag) setDrag(null);
        },
        style: { cursor: "pointer", userSelect: "none" as const },
      }
    : {};
  const common = (
    <>
      <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
      <XAxis dataKey="t" {...axis} tickFormatter={(t: number) => formatTick(t, interval)} minTickGap={24} />
      <YAxis {...axis} width={52} domain={yDomain} allowDecimals={allowDecimals} tickFormatter={(v: number) => format(v)} />
      <Tooltip
        contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", borderRadius: 6, fontSize: 12 }}
        labelStyle={{ color: "var(--muted)" }}
        labelFormatter={(t) => `${formatTimestamp(Number(t))} UTC${Number(t) === unfinished ? " · in progress" : ""}`}
        formatter={(v, name) => [typeof v === "number" ? format(v) : "—", name]}
      />
      {drag ? <ReferenceArea x1={Math.min(drag.a, drag.b)} x2={Math.max(drag.a, drag.b)} fill="var(--accent)" fillOpacity={0.12} /> : null}
    </>
  );
  const margin = { top: 4, right: 4, bottom: 0, left: 0 };
  return (
    <ResponsiveContainer width="100%" height={height}>
      {variant === "bar" ? (
        <BarChart data={rows} margin={margin} {...events}>
          {common}
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} isAnimationActive={false} radius={[2, 2, 0, 0]} shape={(p: BarShapeProps) => <BucketBar {...p} seriesKey={s.key} unfinished={unfinished} onPick={onPick} />} />
          ))}
        </BarChart>
      ) : variant === "area" ? (
        <AreaChart data={rows} margin={margin} {...events}>
          {common}
          {series.map((s) => (
            <Area key={s.key} dataKey={s.key} name={s.label} stroke={s.color} fill={s.color} fillOpacity={0.15} isAnimationActive={false} connectNulls={false} />
          ))}
        </AreaChart>
      ) : (
        <LineChart data={rows} margin={margin} {...events}>
          {common}
          {series.map((s) => (
            <Line key={s.key} dataKey={s.key} name={s.label} stroke={s.color} dot={false} strokeWidth={1.5} isAnimationActive={false} connectNulls={false} />
          ))}
        </LineChart>
      )}
    </ResponsiveContainer>
  );
}

/** One bar; the unfinished bucket is drawn faded so a partial count never reads as a drop. */
function BucketBar(props: BarShapeProps & { seriesKey: string; unfinished: number | null; onPick?: (t: number) => void }) {
  const { seriesKey, unfinished, onPick, ...rest } = props;
  const row = rest.payload as SeriesRow;
  const partial = row.t === unfinished;
  return (
    <g data-testid="chart-bar" data-t={row.t} data-value={row[seriesKey] ?? ""} data-unfinished={partial || undefined} onClick={onPick ? () => onPick(row.t) : undefined}>
      <Rectangle {...rest} fillOpacity={partial ? 0.35 : 1} strokeDasharray={partial ? "3 2" : undefined} stroke={partial ? String(rest.fill) : undefined} />
    </g>
  );
}
