import { RESOLUTIONS } from "@/db/schema";
import type { Interval } from "./time-range";
import { intervalFor } from "./time-range";

export const INTERVAL_RESOLUTION: Record<Interval, number> = {
  "1m": RESOLUTIONS.minute,
  "1h": RESOLUTIONS.hour,
  "1d": RESOLUTIONS.day,
};

/** Rollup resolution and inclusive bucket bounds covering [from, to]. */
export function rollupRange(from: number, to: number, interval?: Interval) {
  const iv = interval ?? intervalFor(to - from);
  const resolution = INTERVAL_RESOLUTION[iv];
  return { interval: iv, resolution, firstBucket: from - (from % resolution), lastBucket: to - (to % resolution) };
}
