"use client";

import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatTimestamp } from "@/lib/charts/format";
import type { ThresholdChart as Prepared } from "@/lib/alerts/charts/prepare-threshold-chart";

const TONE = { bad: "var(--bad)", warn: "var(--warn)", ok: "var(--ok)" } as const;

/** Renders a prepared metric-with-thresholds chart (lib/alerts/charts/prepare-threshold-chart.ts). */
export default function ThresholdChart({ chart, format, height = 220 }: { chart: Prepared; format: (v: number) => string; height?: number }) {
  const axis = { stroke: "var(--muted)", fontSize: 10, tickLine: false, axisLine: false } as const;
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={chart.rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
        <XAxis dataKey="t" type="number" scale="time" domain={["dataMin", "dataMax"]} {...axis} tickFormatter={(t: number) => new Date(t).toISOString().slice(5, 16).replace("T", " ")} minTickGap={40} />
        <YAxis {...axis} width={56} domain={chart.domain} tickFormatter={(v: number) => format(v)} />
        <Tooltip
          contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", borderRadius: 6, fontSize: 12 }}
          labelStyle={{ color: "var(--muted)" }}
          labelFormatter={(t) => `${formatTimestamp(Number(t))} UTC`}
          formatter={(v, name) => [typeof v === "number" ? format(v) : "no data", name]}
        />
        {chart.bands.map((b, i) => (
          <ReferenceArea key={`b${i}`} x1={b.from} x2={b.to} fill={TONE[b.tone]} fillOpacity={0.12} stroke="none" ifOverflow="hidden" />
        ))}
        {chart.references.map((r) => (
          <ReferenceLine key={r.label} y={r.value} stroke={TONE[r.tone]} strokeDasharray="4 3" label={{ value: `${r.label} ${format(r.value)}`, position: "insideTopRight", fontSize: 10, fill: TONE[r.tone] }} />
        ))}
        {chart.lines.map((l) => (
          <Line key={l.dataKey} dataKey={l.dataKey} name={l.label} stroke={l.color} dot={false} strokeWidth={1.5} isAnimationActive={false} connectNulls={false} />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
