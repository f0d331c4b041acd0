import { z } from "zod";
import { MATCH_KINDS } from "./price-entry";

/** USD per one million tokens. */
const rate = z.number().min(0).max(100_000);
const optionalRate = rate.nullable().optional();

/** ISO 8601 date(-time) or epoch milliseconds → epoch ms. Future dates are allowed: a price change can be scheduled. */
export const instantSchema = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const ms = typeof v === "number" ? v : /^\d{4}-\d{2}-\d{2}(T|$)/.test(v) ? Date.parse(v) : NaN;
  if (!Number.isFinite(ms) || ms < 0 || ms > Date.UTC(2200, 0, 1)) {
    ctx.addIssue({ code: "custom", message: "must be an ISO 8601 date-time or epoch milliseconds" });
    return z.NEVER;
  }
  return Math.trunc(ms);
});

const OPTIONAL_RATES = {
  cacheReadPerMTok: optionalRate,
  cacheWritePerMTok: optionalRate,
  cacheWrite1hPerMTok: optionalRate,
  reasoningPerMTok: optionalRate,
  audioInputPerMTok: optionalRate,
  audioOutputPerMTok: optionalRate,
  imageInputPerMTok: optionalRate,
  imageOutputPerMTok: optionalRate,
};

export const priceTierSchema = z.object({
  aboveInputTokens: z.number().int().min(1).max(1e9),
  inputPerMTok: rate.optional(),
  outputPerMTok: rate.optional(),
  ...OPTIONAL_RATES,
});

const priceFields = {
  model: z.string().trim().min(1).max(200),
  match: z.enum(MATCH_KINDS),
  provider: z.string().trim().min(1).max(100).nullable().optional(),
  inputPerMTok: rate,
  outputPerMTok: rate,
  ...OPTIONAL_RATES,
  tiers: z.array(priceTierSchema).max(8),
  effectiveFrom: instantSchema,
};

/** A regex model pattern must compile; tier thresholds must differ. */
function checkPrice(p: { model?: string; match?: string; tiers?: { aboveInputTokens: number }[] }, ctx: z.RefinementCtx) {
  if (p.match === "regex" && p.model !== undefined) {
    try {
      new RegExp(`^(?:${p.model})$`, "i");
    } catch (err) {
      ctx.addIssue({ code: "custom", path: ["model"], message: `is not a valid regular expression: ${(err as Error).message}` });
    }
  }
  const thresholds = (p.tiers ?? []).map((t) => t.aboveInputTokens);
  if (new Set(thresholds).size !== thresholds.length) ctx.addIssue({ code: "custom", path: ["tiers"], message: "each tier needs its own aboveInputTokens" });
}

export const createPriceSchema = z
  .object({
    ...priceFields,
    match: priceFields.match.default("exact"),
    tiers: priceFields.tiers.default([]),
    effectiveFrom: priceFields.effectiveFrom.optional(),
  })
  .superRefine(checkPrice);

/** PATCH: any subset of the fields; `null` clears an optional rate (it then falls back again). */
export const updatePriceSchema = z
  .object({
    ...priceFields,
    model: priceFields.model.optional(),
    match: priceFields.match.optional(),
    inputPerMTok: rate.optional(),
    outputPerMTok: rate.optional(),
    tiers: priceFields.tiers.optional(),
    effectiveFrom: priceFields.effectiveFrom.optional(),
  })
  .superRefine(checkPrice)
  .refine((p) => Object.keys(p).length > 0, { message: "nothing to change" });

export type CreatePriceInput = z.output<typeof createPriceSchema>;
export type UpdatePriceInput = z.output<typeof updatePriceSchema>;

export const priceSchema = z.object({
  /** Null for a shipped default (it cannot be edited; add a price for the model to override it). */
  id: z.number().int().nullable(),
  /** `default`: shipped with Sightline; `project`: this project's own; `instance`: every project of this instance. */
  scope: z.enum(["default", "project", "instance"]),
  model: z.string(),
  match: z.enum(MATCH_KINDS),
  provider: z.string().nullable(),
  inputPerMTok: z.number(),
  outputPerMTok: z.number(),
  cacheReadPerMTok: z.number().nullable(),
  cacheWritePerMTok: z.number().nullable(),
  cacheWrite1hPerMTok: z.number().nullable(),
  reasoningPerMTok: z.number().nullable(),
  audioInputPerMTok: z.number().nullable(),
  audioOutputPerMTok: z.number().nullable(),
  imageInputPerMTok: z.number().nullable(),
  imageOutputPerMTok: z.number().nullable(),
  tiers: z.array(priceTierSchema),
  effectiveFrom: z.string().nullable(),
  createdBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type PriceView = z.output<typeof priceSchema>;

export const listPricesResponseSchema = z.object({ data: z.array(priceSchema) });

/** The largest range one re-pricing request may cover (a year): bounded work per request. */
export const MAX_REPRICE_RANGE_MS = 366 * 86_400_000;

export const repriceRequestSchema = z
  .object({ from: instantSchema, to: instantSchema, model: z.string().trim().min(1).max(200).optional() })
  .superRefine((r, ctx) => {
    if (r.to <= r.from) ctx.addIssue({ code: "custom", path: ["to"], message: "must be after from" });
    else if (r.to - r.from > MAX_REPRICE_RANGE_MS) ctx.addIssue({ code: "custom", path: ["to"], message: "the range may span at most 366 days" });
  });
export type RepriceRequest = z.output<typeof repriceRequestSchema>;

export const repriceJobSchema = z.object({
  id: z.number().int(),
  status: z.enum(["queued", "running", "done", "failed"]),
  from: z.string(),
  to: z.string(),
  model: z.string().nullable(),
  /** Events examined so far, and those whose stored cost changed. */
  processed: z.number().int(),
  changed: z.number().int(),
  /** Share of the range's time span done, 0–1 (events are walked in time order). */
  progress: z.number(),
  error: z.string().nullable(),
  requestedBy: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type RepriceJobView = z.output<typeof repriceJobSchema>;
