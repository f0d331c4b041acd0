"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { Segmented } from "@/components/ui/segmented";
import { customRangeProblem, RANGE_PRESETS, timeRangeSchema, type TimeRange } from "@/lib/time/ranges";
import { useUrlState, type SetUrlStateOptions } from "@/lib/dashboard/use-url-state";

const REFRESH = [
  { value: "0", label: "Auto-refresh off" },
  { value: "10", label: "Every 10 s" },
  { value: "30", label: "Every 30 s" },
  { value: "60", label: "Every 1 min" },
  { value: "300", label: "Every 5 min" },
];

/** UTC "YYYY-MM-DDTHH:mm" for datetime-local inputs. */
function toLocalInput(v: string | undefined): string {
  if (!v) return "";
  const d = new Date(/^\d+$/.test(v) ? Number(v) : v);
  return Number.isNaN(d.getTime()) ? "" : d.toISOString().slice(0, 16);
}

export function useTimeRange() {
  return useUrlState(timeRangeSchema) as readonly [TimeRange, (p: Record<string, string | number | undefined>, o?: SetUrlStateOptions) => void];
}

/** Time range presets, custom range and auto-refresh; all of it lives in the URL. */
export function TimeControls() {
  const [range, setRange] = useTimeRange();
  const qc = useQueryClient();
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Segmented
        label="Time range"
        value={range.range}
        onChange={(v) =>
          v === "custom"
            ? setRange({ range: "custom", from: new Date(Date.now() - 86_400_000).toISOString().slice(0, 16) + "Z", to: new Date().toISOString().slice(0, 16) + "Z" })
            : setRange({ range: v, from: undefined, to: undefined })
        }
        options={[...RANGE_PRESETS.map((r) => ({ value: r, label: r })), { value: "custom" as const, label: "Custom" }]}
      />
      {range.range === "custom" ? <CustomRange key={`${range.from}|${range.to}`} range={range} onApply={(from, to) => setRange({ from, to })} /> : null}
      <Select aria-label="Auto-refresh" value={String(range.refresh)} onChange={(e) => setRange({ refresh: e.target.value === "0" ? undefined : e.target.value })}>
        {REFRESH.map((r) => (
          <option key={r.value} value={r.value}>
            {r.label}
          </option>
        ))}
      </Select>
      <Button aria-label="Refresh now" onClick={() => qc.invalidateQueries()}>
        ↻
      </Button>
    </div>
  );
}

/**
 * From/To inputs edit a draft; only a valid range reaches the URL. An invalid draft (or an
 * invalid range arriving in a link) is refused with the reason next to the inputs.
 */
function CustomRange({ range, onApply }: { range: TimeRange; onApply: (from: string, to: string | undefined) => void }) {
  const [from, setFrom] = useState(toLocalInput(range.from));
  const [to, setTo] = useState(toLocalInput(range.to));
  const asUtc = (v: string) => (v ? `${v}Z` : undefined);
  const problem = customRangeProblem(asUtc(from), asUtc(to));
  const edit = (nextFrom: string, nextTo: string) => {
    setFrom(nextFrom);
    setTo(nextTo);
    if (customRangeProblem(asUtc(nextFrom), asUtc(nextTo)) === null) onApply(asUtc(nextFrom)!, asUtc(nextTo));
  };
  return (
    <div className="flex flex-wrap items-center gap-1 text-xs text-muted">
      <Input type="datetime-local" aria-label="From (UTC)" value={from} aria-invalid={problem !== null} aria-describedby={problem ? "range-problem" : undefined} onChange={(e) => edit(e.target.value, to)} />
      <span aria-hidden>–</span>
      <Input type="datetime-local" aria-label="To (UTC)" value={to} aria-invalid={problem !== null} aria-describedby={problem ? "range-problem" : undefined} onChange={(e) => edit(from, e.target.value)} />
      <span>UTC</span>
      {problem ? (
        <span id="range-problem" role="alert" className="w-full text-bad">
          {problem} Showing the last 24 h until the range is valid.
        </span>
      ) : null}
    </div>
  );
}
