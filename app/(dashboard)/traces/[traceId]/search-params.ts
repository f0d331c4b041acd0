import { z } from "zod";

/** Trace view URL state: the project, and the span whose details are open. */
export const traceSearchParams = z.object({
  project: z.string().optional().catch(undefined),
  event: z.string().max(128).optional().catch(undefined),
});
