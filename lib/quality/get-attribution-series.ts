import { z } from "zod";
import { readPredictionSample } from "@/lib/drift/read-sample";
import { instantParam, resolveRange } from "@/lib/time/ranges";
import { requireModel, requireVersionId } from "@/lib/models/find-model";
import { authorize, type ServiceContext } from "@/lib/services/context";
import { meanAbsAttribution, rankFeatures } from "./attributions";

export const attributionSeriesQuerySchema = z
  .object({
    from: instantParam.optional(),
    to: instantParam.optional(),
    interval: z.enum(["1h", "1d"]).default("1h"),
    version: z.string().min(1).max(100).optional(),
    sampleSize: z.coerce.number().int().min(100).max(100_000).optional(),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from < q.to, { message: "from must be before to", path: ["from"] });
export type AttributionSeriesQuery = z.output<typeof attributionSeriesQuerySchema>;

export const attributionSeriesSchema = z.object({
  model: z.string(),
  interval: z.enum(["1h", "1d"]),
  /** Features by overall mean |attribution|, most important first. */
  features: z.array(z.string()),
  points: z.array(z.object({ t: z.string(), count: z.number().int(), importance: z.record(z.string(), z.number()) })),
  sampled: z.boolean(),
});
export type AttributionSeries = z.output<typeof attributionSeriesSchema>;

const INTERVAL_MS = { "1h": 3_600_000, "1d": 86_400_000 } as const;
/** A uniform sample over the whole range, bucketed: each bucket's mean is estimated from its share of it. */
const DEFAULT_SAMPLE = 20_000;

/** Mean |attribution| per feature per interval, from a uniform sample of the range's predictions. */
export async function getAttributionSeries(ctx: ServiceContext, q: AttributionSeriesQuery & { model: string }): Promise<AttributionSeries> {
  authorize(ctx, "telemetry:read");
  const m = await requireModel(ctx.db, ctx.projectId, q.model);
  const versionId = q.version ? await requireVersionId(ctx.db, m.id, m.name, q.version) : undefined;
  const { from, to } = resolveRange(q, ctx.now());
  const sample = await readPredictionSample(ctx.db, { projectId: ctx.projectId, modelId: m.id, versionId, from, to }, q.sampleSize ?? DEFAULT_SAMPLE);
  const step = INTERVAL_MS[q.interval];
  const buckets = new Map<number, Record<string, unknown>[]>();
  for (const r of sample.rows) {
    if (!r.attributions) continue;
    const b = Math.floor(r.ts / step) * step;
    const list = buckets.get(b) ?? buckets.set(b, []).get(b)!;
    list.push(r.attributions);
  }
  const all = [...buckets.values()].flat();
  return {
    model: m.name,
    interval: q.interval,
    features: rankFeatures(meanAbsAttribution(all)),
    points: [...buckets]
      .sort((a, b) => a[0] - b[0])
      .map(([t, maps]) => ({ t: new Date(t).toISOString(), count: maps.length, importance: meanAbsAttribution(maps) })),
    sampled: sample.rows.length < sample.total,
  };
}
