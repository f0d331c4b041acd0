import { z } from "zod";
import { instantParam } from "@/lib/metrics/time-range";

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
  .refine((q) => q.from < q.to, { message: "from must be before to", path: ["from"] });

export type WindowQuery = z.output<typeof windowQuerySchema>;
