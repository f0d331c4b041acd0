import { z } from "zod";
import { timeRangeSchema } from "@/lib/time/ranges";

/** Prompt page URL state: time range, the two versions compared (A baseline, B candidate), the template shown. */
export const promptSearchParams = timeRangeSchema.extend({
  project: z.string().optional().catch(undefined),
  a: z.coerce.number().int().min(1).optional().catch(undefined),
  b: z.coerce.number().int().min(1).optional().catch(undefined),
});

export type PromptSearchParams = z.infer<typeof promptSearchParams>;
