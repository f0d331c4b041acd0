import { z } from "zod";
import { GROUP_SORTS } from "@/lib/events/group-events";
import { timeRangeSchema } from "@/lib/time/ranges";

/** URL state of the traces, sessions and users lists: range, sort and environment. */
export const groupListSearchParams = timeRangeSchema.extend({
  project: z.string().optional().catch(undefined),
  sort: z.enum(GROUP_SORTS).catch("lastSeen").default("lastSeen"),
  dir: z.enum(["asc", "desc"]).catch("desc").default("desc"),
  environment: z.string().min(1).max(64).optional().catch(undefined),
});
export type GroupListSearchParams = z.infer<typeof groupListSearchParams>;
