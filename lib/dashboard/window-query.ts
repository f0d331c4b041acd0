import { z } from "zod";
import { instantParam } from "@/lib/metrics/time-range";
import { rollupRange } from "./rollup-resolution";

/**
 * Buckets a window may hold: each model and prompt row carries one sparkline point per bucket,
 * so an unbounded window (1970 to now at 1m: 29 million) would exhaust the server's memory.
 * 10,080 is a week of minutes, and 27 years of days.
 */
export const MAX_WINDOW_BUCKETS = 10_080;

/** `from`/`to`/`interval` query parameters of the dashboard read endpoints (default: last 24 h). */
export const windowQuerySchema = z
  .object({
    from: instantParam.optional(),
    to: instantParam.optional(),
    interval: z.enum(["1m", "1h", "1d"]).optional(),
  })
  .transform((q) => {
    const to = q.to ?? Date.now();
    return { from: q.from ?? to - 86_400_000, to, interval: q.interval };
  })
  .refine((q) => q.from < q.to, { message: "from must be before to", path: ["from"] })
  .refine(
    (q) => {
      const r = rollupRange(q.from, q.to, q.interval);
      return (r.lastBucket - r.firstBucket) / r.resolution < MAX_WINDOW_BUCKETS;
    },
    { message: `the window holds more than ${MAX_WINDOW_BUCKETS} buckets of its interval; use a coarser interval or a shorter range`, path: ["interval"] },
  );

export type WindowQuery = z.output<typeof windowQuerySchema>;
