import type { SeriesDef } from "./time-series-chart";

/** Names and colours of a multi-series chart, as text a screen reader can read. */
export function ChartLegend({ series }: { series: SeriesDef[] }) {
  return (
    <ul aria-label="Legend" className="flex flex-wrap gap-3 px-3 pt-2 text-[11px] text-muted">
      {series.map((s) => (
        <li key={s.key} className="flex items-center gap-1.5">
          <span aria-hidden className="inline-block h-0.5 w-3 rounded" style={{ background: s.color }} />
          {s.label}
        </li>
      ))}
    </ul>
  );
}
