import { z } from "zod";
import { instantParam } from "@/lib/time/ranges";
import { DRIFT_METHODS } from "./methods";

const versionName = z.string().min(1).max(100);

const featureOverrides = z.string().max(4000).transform((v, ctx) => {
  const out: Record<string, { method: (typeof DRIFT_METHODS)[number]; threshold?: number }> = {};
  for (const part of v.split(",").filter(Boolean)) {
    const [name, method, threshold] = part.split(":");
    const m = DRIFT_METHODS.find((x) => x === method);
    const t = threshold === undefined ? undefined : Number(threshold);
    if (!name || !m || (t !== undefined && !(t > 0))) {
      ctx.addIssue({ code: "custom", message: `"${part}" is not feature:method[:threshold] with method one of ${DRIFT_METHODS.join(", ")}` });
      return z.NEVER;
    }
    out[name] = t === undefined ? { method: m } : { method: m, threshold: t };
  }
  return out;
});

export const driftQuerySchema = z
  .object({
    from: instantParam.optional(),
    to: instantParam.optional(),
    referenceFrom: instantParam.optional(),
    referenceTo: instantParam.optional(),
    version: versionName.optional(),
    /** Force one method for every feature (psi, hellinger, ks … on demand). */
    method: z.enum(DRIFT_METHODS).optional(),
    threshold: z.coerce.number().positive().max(1e6).optional(),
    driftShare: z.coerce.number().gt(0).max(1).optional(),
    sampleSize: z.coerce.number().int().min(100).max(100_000).optional(),
    /** Per-feature overrides: `amount:psi:0.2,plan:hellinger` (feature:method[:threshold], comma-separated). */
    features: featureOverrides.optional(),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from < q.to, { message: "from must be before to", path: ["from"] })
  .refine((q) => (q.referenceFrom === undefined) === (q.referenceTo === undefined), {
    message: "referenceFrom and referenceTo go together",
    path: ["referenceTo"],
  })
  .refine((q) => q.referenceFrom === undefined || q.referenceTo === undefined || q.referenceFrom < q.referenceTo, {
    message: "referenceFrom must be before referenceTo",
    path: ["referenceFrom"],
  });
export type DriftQuery = z.output<typeof driftQuerySchema>;

const histogramBin = z.object({ label: z.string(), reference: z.number(), current: z.number() });

export const featureDriftSchema = z.object({
  name: z.string(),
  kind: z.enum(["numerical", "categorical"]),
  method: z.enum(DRIFT_METHODS),
  /** Null only for a chi-square over a category the reference never saw (infinite). */
  statistic: z.number().nullable(),
  pValue: z.number().optional(),
  threshold: z.number(),
  drifted: z.boolean(),
  severity: z.number(),
  referenceCount: z.number().int(),
  currentCount: z.number().int(),
  sampled: z.boolean(),
  histogram: z.array(histogramBin),
});
export type FeatureDriftView = z.output<typeof featureDriftSchema>;

export const referenceInfoSchema = z.object({
  /** Where the reference came from: the request's window, the model's stored baseline, or the default. */
  source: z.enum(["query", "stored", "default"]),
  kind: z.enum(["window", "version", "dataset", "previous_window"]),
  from: z.string().nullable(),
  to: z.string().nullable(),
  version: z.string().nullable(),
  datasetName: z.string().nullable(),
  /** A lineage record of some version names this dataset as its training data. */
  trainingDatasetOf: z.array(z.string()),
  count: z.number().int(),
  sampled: z.boolean(),
});

export const driftReportSchema = z.object({
  model: z.string(),
  reference: referenceInfoSchema,
  current: z.object({ from: z.string(), to: z.string(), version: z.string().nullable(), count: z.number().int(), sampled: z.boolean() }),
  features: z.array(featureDriftSchema),
  prediction: featureDriftSchema.nullable(),
  label: featureDriftSchema.nullable(),
  driftShare: z.number(),
  driftShareThreshold: z.number(),
  datasetDrifted: z.boolean(),
  sampleSize: z.number().int(),
  attributions: z.object({
    reference: z.record(z.string(), z.number()),
    current: z.record(z.string(), z.number()),
    drift: z.object({ reference: z.array(z.string()), current: z.array(z.string()), drifted: z.boolean() }).nullable(),
  }),
});
export type DriftReport = z.output<typeof driftReportSchema>;

const featureRow = z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()]));

/** POST /models/{model}/reference as JSON: one of three kinds of baseline. */
export const setReferenceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("window"), from: instantParam.or(z.number()), to: instantParam.or(z.number()), version: versionName.optional() }),
  z.object({ kind: z.literal("version"), sourceVersion: versionName, version: versionName.optional() }),
  z.object({
    kind: z.literal("dataset"),
    name: z.string().min(1).max(200),
    version: versionName.optional(),
    rows: z
      .array(z.object({ features: featureRow, prediction: z.union([z.number(), z.string()]).optional() }))
      .min(1)
      .max(100_000),
  }),
]);
export type SetReferenceInput = z.output<typeof setReferenceSchema>;

export const referenceViewSchema = z.object({
  model: z.string(),
  version: z.string().nullable(),
  kind: z.enum(["window", "version", "dataset"]),
  from: z.string().nullable(),
  to: z.string().nullable(),
  sourceVersion: z.string().nullable(),
  datasetName: z.string().nullable(),
  rowCount: z.number().int().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type ReferenceView = z.output<typeof referenceViewSchema>;
