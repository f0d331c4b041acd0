"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { Segmented } from "@/components/ui/segmented";
import { RANGE_PRESETS, timeRangeSchema, type TimeRange } from "@/lib/time/ranges";
import { useUrlState } from "@/lib/dashboard/use-url-state";

const REFRESH = [
  { value: "0", label: "Auto-refresh off" },
  { value: "10", label: "Every 10 s" },
  { value: "30", label: "Every 30 s" },
  { value: "60", label: "Every 1 min" },
  { value: "300", label: "Every 5 min" },
];

/** UTC "YYYY-MM-DDTHH:mm" for datetime-local inputs. */
const toLocalInput = (v: string | undefined) => (v ? new Date(/^\d+$/.test(v) ? Number(v) : v).toISOString().slice(0, 16) : "");

export function useTimeRange() {
  return useUrlState(timeRangeSchema) as readonly [TimeRange, (p: Record<string, string | number | undefined>) => void];
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
            ? setRange({ range: "custom", from: new Date(Date.now() - 86_400_000).toISOString().slice(0, 16), to: new Date().toISOString().slice(0, 16) })
            : setRange({ range: v, from: undefined, to: undefined })
        }
        options={[...RANGE_PRESETS.map((r) => ({ value: r, label: r })), { value: "custom" as const, label: "Custom" }]}
      />
      {range.range === "custom" ? (
        <div className="flex items-center gap-1 text-xs text-muted">
          <Input type="datetime-local" aria-label="From (UTC)" value={toLocalInput(range.from)} onChange={(e) => setRange({ from: e.target.value ? `${e.target.value}Z` : undefined })} />
          <span>–</span>
          <Input type="datetime-local" aria-label="To (UTC)" value={toLocalInput(range.to)} onChange={(e) => setRange({ to: e.target.value ? `${e.target.value}Z` : undefined })} />
          <span>UTC</span>
        </div>
      ) : null}
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
