import { z } from "zod";
import { timeRangeSchema } from "@/lib/time/ranges";

/** Session page URL state: the range of its events and the event whose details are open. */
export const sessionsDetailSearchParams = timeRangeSchema.extend({
  project: z.string().optional().catch(undefined),
  event: z.string().max(128).optional().catch(undefined),
});
