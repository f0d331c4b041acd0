import { sparklinePaths } from "@/lib/charts/sparkline";

/** Plain-SVG sparkline: the fleet table renders dozens of these without a chart library. */
export function Sparkline({ values, tone = "accent", width = 96, height = 22 }: { values: number[]; tone?: "accent" | "bad" | "warn" | "ok"; width?: number; height?: number }) {
  const g = sparklinePaths(values, width, height);
  const color = { accent: "var(--accent)", bad: "var(--bad)", warn: "var(--warn)", ok: "var(--ok)" }[tone];
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden className="block">
      <path d={g.area} fill={color} opacity={0.12} />
      <path d={g.line} fill="none" stroke={color} strokeWidth={1.25} strokeLinejoin="round" />
    </svg>
  );
}
