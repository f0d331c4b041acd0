import { z } from "zod";
import { readSpendBy, readSpendTotal, type SpendRow } from "@/db/statements/spend-reads";
import { SPEND_DIMENSIONS } from "./dimensions";
import { ValidationError } from "@/lib/api/errors";
import { KEY_LAG_MS, keyFloor } from "@/lib/ingest/event-id";
import { roundUsd } from "@/lib/metrics/aggregate";
import { loadDimensionNames } from "@/lib/metrics/dimension-names";
import { dimensionFilterParams, resolveDimensionFilter } from "@/lib/metrics/filters";
import { rangeIsOrdered, resolveRange, timeRangeParams } from "@/lib/time/ranges";
import { authorize, type ServiceContext } from "@/lib/services/context";

/** Longest range a breakdown may scan: it reads events, not rollups. */
export const MAX_SPEND_RANGE_MS = 31 * 86_400_000;

export const spendQuerySchema = z
  .object({
    by: z.enum(SPEND_DIMENSIONS),
    ...timeRangeParams,
    model: dimensionFilterParams.model,
    limit: z.coerce.number().int().min(1).max(100).default(10),
  })
  .refine(rangeIsOrdered, { message: "from must be before to", path: ["from"] });
export type SpendQuery = z.output<typeof spendQuerySchema>;

export const spendGroupSchema = z.object({
  /** The user / session / environment / tag; null = calls without one. */
  key: z.string().nullable(),
  calls: z.number().int(),
  costUsd: z.number(),
  /** Share of the range's total cost, 0–1. */
  share: z.number().nullable(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
  cacheHitRate: z.number().nullable(),
  unpricedCount: z.number().int(),
});
export const spendBreakdownSchema = z.object({
  by: z.enum(SPEND_DIMENSIONS),
  from: z.string(),
  to: z.string(),
  totalUsd: z.number(),
  totalCalls: z.number().int(),
  unpricedCount: z.number().int(),
  /** The top spenders, most expensive first (at most `limit`). */
  groups: z.array(spendGroupSchema),
});
export type SpendBreakdown = z.output<typeof spendBreakdownSchema>;

/** LLM spend by end user, session, environment or tag over a range, with the top spenders. */
export async function getSpendBreakdown(ctx: ServiceContext, q: SpendQuery): Promise<SpendBreakdown> {
  authorize(ctx, "telemetry:read");
  const { from, to } = resolveRange(q, ctx.now());
  if (to - from > MAX_SPEND_RANGE_MS) {
    throw new ValidationError("Range too long for a spend breakdown", [{ path: "from", message: "the range may span at most 31 days" }]);
  }
  const names = await loadDimensionNames(ctx.db, ctx.projectId);
  const ids = resolveDimensionFilter(names, { model: q.model });
  const empty = { by: q.by, from: new Date(from).toISOString(), to: new Date(to).toISOString(), totalUsd: 0, totalCalls: 0, unpricedCount: 0, groups: [] };
  if (!ids) return empty;
  const f = { projectId: ctx.projectId, lo: keyFloor(from), hi: keyFloor(to + KEY_LAG_MS), from, to, modelId: ids.modelId };
  const total = await readSpendTotal(ctx.db, f);
  const rows = await readSpendBy(ctx.db, q.by, { ...f, limit: q.limit });
  return {
    ...empty,
    totalUsd: roundUsd(total.cost_usd),
    totalCalls: total.calls,
    unpricedCount: total.unpriced,
    groups: rows.map((r) => group(r, total.cost_usd)),
  };
}

function group(r: SpendRow, totalUsd: number) {
  return {
    key: r.k, calls: r.calls, costUsd: roundUsd(r.cost_usd), share: totalUsd > 0 ? r.cost_usd / totalUsd : null, inputTokens: r.input_tokens,
    outputTokens: r.output_tokens, cacheHitRate: r.input_tokens > 0 ? r.cache_read_tokens / r.input_tokens : null, unpricedCount: r.unpriced,
  };
}
