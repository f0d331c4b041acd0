import { z } from "zod";
import { timeRangeSchema } from "@/lib/time/ranges";

export const OVERVIEW_SORTS = ["name", "count", "errorRate", "p50", "p95", "p99", "tokens", "costUsd", "hallucinationRate", "health"] as const;

/** Overview URL state: time range, search, kind and health filters, sort. */
export const overviewSearchParams = timeRangeSchema.extend({
  project: z.string().optional().catch(undefined),
  q: z.string().max(200).optional().catch(undefined),
  kind: z.enum(["all", "llm", "ml"]).catch("all").default("all"),
  health: z.enum(["all", "ok", "warn", "bad", "idle"]).catch("all").default("all"),
  sort: z.enum(OVERVIEW_SORTS).catch("count").default("count"),
  dir: z.enum(["asc", "desc"]).catch("desc").default("desc"),
});

export type OverviewSearchParams = z.infer<typeof overviewSearchParams>;
