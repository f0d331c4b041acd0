import { z } from "zod";
import { authorize, type ServiceContext } from "@/lib/services/context";
import { readRollups, readRollupTotals } from "@/db/statements/rollup-reads";
import { ValidationError } from "@/lib/api/errors";
import { Aggregate, roundUsd } from "./aggregate";
import { loadDimensionNames } from "./dimension-names";
import { dimensionFilterParams, resolveDimensionFilter } from "./filters";
import { minuteHorizon, minuteRollupDays } from "./retention";
import { floor } from "./rollup-segments";
import { INTERVAL_MS, INTERVALS, rangeIsOrdered, resolveRange, timeRangeParams } from "@/lib/time/ranges";

export const TIMESERIES_METRICS = [
  "count", "error_rate", "latency_p50", "latency_p95", "latency_p99", "cost_usd", "tokens", "hallucination_rate",
  "cache_hit_rate",
] as const;
export type TimeseriesMetric = (typeof TIMESERIES_METRICS)[number];

export const MAX_POINTS = 2000;

export const timeseriesQuerySchema = z
  .object({
    metric: z.enum(TIMESERIES_METRICS),
    interval: z.enum(INTERVALS).default("1h"),
    ...timeRangeParams,
    ...dimensionFilterParams,
  })
  .refine(rangeIsOrdered, { message: "from must be before to", path: ["from"] });

export type TimeseriesQuery = z.output<typeof timeseriesQuerySchema>;

export interface Point {
  t: string;
  value: number | null;
}

const VALUE: Record<TimeseriesMetric, (a: Aggregate) => number | null> = {
  count: (a) => a.count,
  error_rate: (a) => a.errorRate(),
  latency_p50: (a) => a.latency().p50,
  latency_p95: (a) => a.latency().p95,
  latency_p99: (a) => a.latency().p99,
  cost_usd: (a) => roundUsd(a.costUsd),
  tokens: (a) => a.inputTokens + a.outputTokens,
  hallucination_rate: (a) => a.hallucinationRate(),
  cache_hit_rate: (a) => a.cacheHitRate(),
};

/** One metric per interval bucket, from the rollup of that resolution. Empty buckets are omitted. */
export async function getTimeseries(ctx: ServiceContext, q: TimeseriesQuery): Promise<{ points: Point[] }> {
  authorize(ctx, "telemetry:read");
  const { db, projectId } = ctx;
  const now = ctx.now();
  const { from, to } = resolveRange(q, now);
  const step = INTERVAL_MS[q.interval];
  const start = floor(from, step);
  if ((to - start) / step > MAX_POINTS) {
    throw new ValidationError(`Range holds more than ${MAX_POINTS} ${q.interval} buckets`, [
      { path: "interval", message: `use a coarser interval or a shorter range (at most ${MAX_POINTS} points)` },
    ]);
  }
  if (q.interval === "1m" && start < minuteHorizon(now)) {
    throw new ValidationError("Minute data covers only the recent past", [
      { path: "interval", message: `1m is available for the last ${minuteRollupDays()} days; use 1h` },
    ]);
  }
  const ids = resolveDimensionFilter(await loadDimensionNames(db, projectId), q);
  if (!ids) return { points: [] };
  const withLatency = q.metric.startsWith("latency_");
  const filter = { projectId, resolution: step, from: start, to, kind: null, ...ids, withPrompt: 0 as const };
  const rows = withLatency ? await readRollups(db, filter) : await readRollupTotals(db, filter);
  const buckets = new Map<number, Aggregate>();
  for (const r of rows) {
    let a = buckets.get(r.bucket);
    if (!a) buckets.set(r.bucket, (a = new Aggregate(withLatency)));
    a.add(r);
  }
  const points = [...buckets.entries()]
    .sort(([a], [b]) => a - b)
    .map(([t, a]) => ({ t: new Date(t).toISOString(), value: VALUE[q.metric](a) }));
  return { points };
}
