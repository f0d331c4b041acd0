import { z } from "zod";
import { timeRangeSchema } from "@/lib/time/ranges";

export const MODEL_TABS = ["overview", "drift", "performance", "lineage"] as const;
export type ModelTab = (typeof MODEL_TABS)[number];

/** Model page URL state: time range, a version filter for the charts, and the two versions compared. */
export const modelSearchParams = timeRangeSchema.extend({
  project: z.string().optional().catch(undefined),
  version: z.string().max(100).optional().catch(undefined),
  a: z.string().max(100).optional().catch(undefined),
  b: z.string().max(100).optional().catch(undefined),
  /** ML models: which tab is open. */
  tab: z.enum(MODEL_TABS).default("overview").catch("overview"),
});

export type ModelSearchParams = z.infer<typeof modelSearchParams>;
