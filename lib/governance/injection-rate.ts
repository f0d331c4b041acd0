import { z } from "zod";
import { injectionBuckets } from "@/db/statements/injection-reads";
import { KEY_LAG_MS, keyFloor } from "@/lib/ingest/event-id";
import { authorize, type ServiceContext } from "@/lib/services/context";

export const injectionRateQuerySchema = z.object({
  from: z.number().int().nonnegative(),
  to: z.number().int().positive(),
  bucketMs: z.number().int().min(60_000),
  modelId: z.number().int().positive().nullable().default(null),
});

export interface InjectionRatePoint {
  /** Bucket start, epoch ms. */
  t: number;
  total: number;
  flagged: number;
  /** flagged / total; null for a bucket without LLM calls. */
  rate: number | null;
}

/**
 * The `injection_rate` series: the share of LLM calls flagged as prompt-injection attempts per
 * bucket, every bucket of [from, to) present (empty ones with rate null). For the alerts branch
 * (a rule on `injection_rate`) and for charts.
 */
export async function injectionRate(ctx: ServiceContext, input: z.input<typeof injectionRateQuerySchema>): Promise<InjectionRatePoint[]> {
  authorize(ctx, "telemetry:read");
  const q = injectionRateQuerySchema.parse(input);
  const rows = await injectionBuckets(ctx.db, {
    projectId: ctx.projectId, lo: keyFloor(q.from), hi: keyFloor(q.to + KEY_LAG_MS + 1), from: q.from, to: q.to, bucketMs: q.bucketMs, modelId: q.modelId,
  });
  const byBucket = new Map(rows.map((r) => [r.bucket, r]));
  const n = Math.ceil((q.to - q.from) / q.bucketMs);
  return Array.from({ length: n }, (_, i) => {
    const r = byBucket.get(i);
    const total = r?.total ?? 0;
    const flagged = r?.flagged ?? 0;
    return { t: q.from + i * q.bucketMs, total, flagged, rate: total ? flagged / total : null };
  });
}
