"use client";

import { Area, AreaChart, Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { SeriesRow } from "@/lib/charts/fill-series";
import { formatTick, formatTimestamp } from "@/lib/charts/format";
import type { Interval } from "@/lib/time/ranges";

export interface SeriesDef {
  key: string;
  label: string;
  color: string;
}

/** Renders prepared rows only: filling, bucketing and formatting happen in lib/charts. */
export default function TimeSeriesChart({
  rows,
  series,
  interval,
  format,
  variant = "line",
  height = 180,
}: {
  rows: SeriesRow[];
  series: SeriesDef[];
  interval: Interval;
  format: (v: number) => string;
  variant?: "line" | "area" | "bar";
  height?: number;
}) {
  const axis = { stroke: "var(--muted)", fontSize: 10, tickLine: false, axisLine: false } as const;
  const common = (
    <>
      <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
      <XAxis dataKey="t" {...axis} tickFormatter={(t: number) => formatTick(t, interval)} minTickGap={24} />
      <YAxis {...axis} width={52} tickFormatter={(v: number) => format(v)} />
      <Tooltip
        contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", borderRadius: 6, fontSize: 12 }}
        labelStyle={{ color: "var(--muted)" }}
        labelFormatter={(t) => `${formatTimestamp(Number(t))} UTC`}
        formatter={(v, name) => [typeof v === "number" ? format(v) : "—", name]}
      />
    </>
  );
  return (
    <ResponsiveContainer width="100%" height={height}>
      {variant === "bar" ? (
        <BarChart data={rows} margin={{ top: 4, right: 4, bottom: 0, left: 0 }}>
          {common}
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} isAnimationActive={false} radius={[2, 2, 0, 0]} />
          ))}
        </BarChart>
      ) : variant === "area" ? (
        <AreaChart data={rows} margin={{ top: 4, right: 4, bottom: 0, left: 0 }}>
          {common}
          {series.map((s) => (
            <Area key={s.key} dataKey={s.key} name={s.label} stroke={s.color} fill={s.color} fillOpacity={0.15} isAnimationActive={false} connectNulls={false} />
          ))}
        </AreaChart>
      ) : (
        <LineChart data={rows} margin={{ top: 4, right: 4, bottom: 0, left: 0 }}>
          {common}
          {series.map((s) => (
            <Line key={s.key} dataKey={s.key} name={s.label} stroke={s.color} dot={false} strokeWidth={1.5} isAnimationActive={false} connectNulls={false} />
          ))}
        </LineChart>
      )}
    </ResponsiveContainer>
  );
}
