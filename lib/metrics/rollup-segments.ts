import { RESOLUTIONS } from "@/db/schema";

export interface Segment {
  resolution: number;
  /** Inclusive bucket start. */
  from: number;
  /** Exclusive. */
  to: number;
}

const FINEST_FIRST = [RESOLUTIONS.minute, RESOLUTIONS.hour, RESOLUTIONS.day];

/**
 * Covers [from, to) with as few rollup buckets as possible: whole days in the middle, whole
 * hours next to them, minutes at the edges. The range is widened to whole minutes; minute
 * rows older than `minuteHorizon` may be pruned, so edges before it widen to whole hours.
 * The number of rows read grows with the number of dimension combinations, not with events.
 */
export function coverRange(from: number, to: number, minuteHorizon: number): Segment[] {
  const minute = RESOLUTIONS.minute;
  const start = floor(from, minute);
  const end = ceil(to, minute);
  const out: Segment[] = [];
  split(start, end, FINEST_FIRST.length - 1, out);
  return out.flatMap((s) =>
    s.resolution === minute && s.from < minuteHorizon ? widenToHours(s, minuteHorizon) : [s],
  );
}

function split(a: number, b: number, level: number, out: Segment[]): void {
  if (a >= b) return;
  const r = FINEST_FIRST[level];
  const s = level === 0 ? a : ceil(a, r);
  const e = level === 0 ? b : floor(b, r);
  if (s >= e) return split(a, b, level - 1, out);
  split(a, s, level - 1, out);
  out.push({ resolution: r, from: s, to: e });
  split(e, b, level - 1, out);
}

function widenToHours(s: Segment, horizon: number): Segment[] {
  const hour = RESOLUTIONS.hour;
  const cut = Math.min(s.to, ceil(horizon, hour));
  const old: Segment = { resolution: hour, from: floor(s.from, hour), to: ceil(cut, hour) };
  return cut < s.to ? [old, { resolution: s.resolution, from: old.to, to: s.to }].filter((x) => x.from < x.to) : [old];
}

export function floor(t: number, step: number): number {
  return t - (((t % step) + step) % step);
}

export function ceil(t: number, step: number): number {
  const f = floor(t, step);
  return f === t ? t : f + step;
}
