"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatPercent } from "@/lib/charts/format";

export interface HistogramBin {
  label: string;
  reference: number;
  current: number;
}

/** Reference vs current shares on shared bins (prepared by lib/drift/histogram-overlay.ts). */
export default function FeatureHistogram({ bins, height = 200 }: { bins: HistogramBin[]; height?: number }) {
  const axis = { stroke: "var(--muted)", fontSize: 10, tickLine: false, axisLine: false } as const;
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={bins} margin={{ top: 4, right: 4, bottom: 0, left: 0 }} barGap={0} barCategoryGap="12%">
        <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
        <XAxis dataKey="label" {...axis} minTickGap={12} />
        <YAxis {...axis} width={44} tickFormatter={(v: number) => formatPercent(v, 0)} />
        <Tooltip
          contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", borderRadius: 6, fontSize: 12 }}
          labelStyle={{ color: "var(--muted)" }}
          formatter={(v, name) => [typeof v === "number" ? formatPercent(v, 1) : "—", name]}
        />
        <Legend wrapperStyle={{ fontSize: 11 }} />
        <Bar dataKey="reference" name="Reference" fill="var(--chart-3)" fillOpacity={0.7} isAnimationActive={false} />
        <Bar dataKey="current" name="Current" fill="var(--chart-1)" fillOpacity={0.85} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
