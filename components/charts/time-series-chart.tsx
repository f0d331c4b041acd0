"use client";

import { Fragment, useRef, useState } from "react";
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Line, LineChart, Rectangle, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps, type TooltipContentProps } from "recharts";
import type { NameType, ValueType } from "recharts/types/component/DefaultTooltipContent";
import type { SeriesRow } from "@/lib/charts/fill-series";
import { formatTick, formatTimestamp } from "@/lib/charts/format";
import type { PreparedTimeSeries } from "@/lib/charts/prepare-time-series";
import { partialKey, splitUnfinished } from "@/lib/charts/unfinished-series";
import type { Interval } from "@/lib/time/ranges";
import { BucketKeys } from "./bucket-keys";

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
  label,
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
  /** The chart's name, for its keyboard-reachable buckets (given with onPick). */
  label?: string;
}) {
  // The drag's start lives in a ref: a re-render on mousedown would replace the bar under the
  // pointer, and the browser fires no click when mousedown and mouseup hit different elements.
  const start = useRef<number | null>(null);
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  const prepared: PreparedTimeSeries = given ?? { rows: plainRows ?? [], stepMs: 0, unfinished: null, yDomain: [0, "auto"], allowDecimals: true };
  const { rows: prepRows, unfinished, yDomain, allowDecimals, stepMs } = prepared;
  // recharts' own keyboard layer is off: BucketKeys gives each bucket a name and Enter opens it.
  // Lines and areas get the unfinished bucket as a separate dashed segment; bars fade the bar.
  const rows = variant === "bar" ? prepRows : splitUnfinished(prepRows, series.map((s) => s.key), unfinished);
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
      <Tooltip content={(p: TooltipContentProps<ValueType, NameType>) => <BucketTooltip {...p} unfinished={unfinished} format={format} />} />
      {drag ? <ReferenceArea x1={Math.min(drag.a, drag.b)} x2={Math.max(drag.a, drag.b)} fill="var(--accent)" fillOpacity={0.12} /> : null}
    </>
  );
  const margin = { top: 4, right: 4, bottom: 0, left: 0 };
  return (
    <div className="relative" data-unfinished={unfinished ?? undefined}>
    <ResponsiveContainer width="100%" height={height}>
      {variant === "bar" ? (
        <BarChart data={rows} margin={margin} accessibilityLayer={false} {...events}>
          {common}
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} isAnimationActive={false} radius={[2, 2, 0, 0]} shape={(p: BarShapeProps) => <BucketBar {...p} seriesKey={s.key} unfinished={unfinished} onPick={onPick} />} />
          ))}
        </BarChart>
      ) : variant === "area" ? (
        <AreaChart data={rows} margin={margin} accessibilityLayer={false} {...events}>
          {common}
          {series.map((s) => (
            <Fragment key={s.key}>
              <Area dataKey={s.key} name={s.label} stroke={s.color} fill={s.color} fillOpacity={0.15} isAnimationActive={false} connectNulls={false} />
              <Area dataKey={partialKey(s.key)} name={s.label} stroke={s.color} strokeDasharray={PARTIAL_DASH} strokeOpacity={0.7} fill={s.color} fillOpacity={0.06} isAnimationActive={false} connectNulls={false} legendType="none" dot={partialDot(s.color, unfinished)} />
            </Fragment>
          ))}
        </AreaChart>
      ) : (
        <LineChart data={rows} margin={margin} accessibilityLayer={false} {...events}>
          {common}
          {series.map((s) => (
            <Fragment key={s.key}>
              <Line dataKey={s.key} name={s.label} stroke={s.color} dot={false} strokeWidth={1.5} isAnimationActive={false} connectNulls={false} />
              <Line dataKey={partialKey(s.key)} name={s.label} stroke={s.color} strokeDasharray={PARTIAL_DASH} strokeOpacity={0.7} strokeWidth={1.5} isAnimationActive={false} connectNulls={false} legendType="none" dot={partialDot(s.color, unfinished)} />
            </Fragment>
          ))}
        </LineChart>
      )}
    </ResponsiveContainer>
    {onPick && label ? (
      <BucketKeys label={label} rows={prepRows} series={series} stepMs={stepMs} format={format} unfinished={unfinished} band={variant === "bar"} onPick={onPick} />
    ) : null}
    </div>
  );
}

const PARTIAL_DASH = "4 3";

/** A dot on the in-progress point only, so a lone partial value (no finished neighbour) still shows. */
function partialDot(color: string, unfinished: number | null) {
  function PartialDot(p: { cx?: number; cy?: number; payload?: SeriesRow; value?: unknown }) {
    if (p.payload?.t !== unfinished || p.cx === undefined || p.cy === undefined || p.value === null || p.value === undefined) return <g />;
    return <circle data-testid="chart-partial-dot" cx={p.cx} cy={p.cy} r={2.5} fill="var(--surface)" stroke={color} strokeWidth={1.25} />;
  }
  return PartialDot;
}

/** One line per series (the dashed in-progress copy merged in), the bucket marked "in progress". */
function BucketTooltip({ active, payload, label, unfinished, format }: TooltipContentProps<ValueType, NameType> & { unfinished: number | null; format: (v: number) => string }) {
  if (!active || !payload?.length) return null;
  const t = Number(label);
  const seen = new Map<string, { name: string; color?: string; value: number | null }>();
  for (const item of payload) {
    const name = String(item.name);
    const value = typeof item.value === "number" ? item.value : null;
    const prev = seen.get(name);
    if (!prev || prev.value === null) seen.set(name, { name, color: item.color, value });
  }
  return (
    <div className="rounded-md border border-border bg-surface px-2 py-1.5 text-xs shadow-sm">
      <div className="text-muted">
        {formatTimestamp(t)} UTC{t === unfinished ? " · in progress (bucket still filling)" : ""}
      </div>
      {[...seen.values()].map((e) => (
        <div key={e.name} className="flex items-center gap-1.5">
          <span aria-hidden className="inline-block h-2 w-2 rounded-full" style={{ background: e.color }} />
          {e.name}: {e.value === null ? "—" : format(e.value)}
        </div>
      ))}
    </div>
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
