import { z } from "zod";
import { SPEND_DIMENSIONS } from "@/lib/spend/dimensions";
import { timeRangeSchema } from "@/lib/time/ranges";

/** Spend page URL state: time range, the dimension spend is split by, an optional model. */
export const spendSearchParams = timeRangeSchema.extend({
  project: z.string().optional().catch(undefined),
  by: z.enum(SPEND_DIMENSIONS).catch("user").default("user"),
  model: z.string().max(200).optional().catch(undefined),
});

export type SpendSearchParams = z.infer<typeof spendSearchParams>;
