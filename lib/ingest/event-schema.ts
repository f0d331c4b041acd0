import { z } from "zod";
import { usageIssue } from "@/lib/pricing/usage";

/** Events stamped earlier than this or more than a day ahead are rejected as clock errors. */
export const MIN_TS = Date.UTC(2000, 0, 1);
export const MAX_FUTURE_MS = 24 * 3600_000;
export const MAX_METADATA_BYTES = 16 * 1024;

export const ISO_PREFIX = /^\d{4}-\d{2}-\d{2}(T|$)/;

/** ISO 8601 string or epoch milliseconds → epoch ms; undefined means "now". */
export const timestampSchema = z
  .union([z.string(), z.number()])
  .transform((v, ctx) => {
    const ms = typeof v === "number" ? v : ISO_PREFIX.test(v) ? Date.parse(v) : NaN;
    if (!Number.isFinite(ms)) {
      ctx.addIssue({ code: "custom", message: "must be an ISO 8601 date-time or epoch milliseconds" });
      return z.NEVER;
    }
    if (ms < MIN_TS || ms > Date.now() + MAX_FUTURE_MS) {
      ctx.addIssue({ code: "custom", message: "is outside the accepted range (2000-01-01 to 24 h from now)" });
      return z.NEVER;
    }
    return Math.trunc(ms);
  });

const shortText = (max: number) => z.string().min(1).max(max);
const tokenCount = z.number().int().min(0).max(1e9);
const status = z.enum(["ok", "error"]).default("ok");

const metadata = z
  .record(z.string(), z.unknown())
  .refine((m) => JSON.stringify(m).length <= MAX_METADATA_BYTES, {
    message: `must be at most ${MAX_METADATA_BYTES} bytes when serialised`,
  });

const common = {
  id: shortText(128),
  timestamp: timestampSchema.optional(),
  model: shortText(200),
  modelVersion: z.union([shortText(100), z.number().transform(String)]).optional(),
  environment: shortText(64).default("production"),
  userId: shortText(256).optional(),
  sessionId: shortText(256).optional(),
  traceId: shortText(128).optional(),
  spanId: shortText(64).optional(),
  parentSpanId: shortText(64).optional(),
  tags: z.array(z.string().max(200)).max(64).optional(),
  metadata: metadata.optional(),
};

export const chatMessageSchema = z.looseObject({ role: z.string().max(64), content: z.unknown() });

// LLM, prediction and span events are also checked by the accept-only fast path in fast-validate.ts
// (docs/adr/0021): a field added here must be added there; its test fails until it is.
// Usage semantics (docs/api.md): inputTokens counts every input token, cached ones included;
// outputTokens every output token, reasoning included; the details are subsets of them.
export const llmEventSchema = z.object({
  ...common,
  type: z.literal("llm"),
  promptId: shortText(200).optional(),
  promptVersion: z.number().int().min(1).max(1_000_000).optional(),
  latencyMs: z.number().min(0).max(86_400_000),
  inputTokens: tokenCount.optional(),
  outputTokens: tokenCount.optional(),
  cacheReadInputTokens: tokenCount.optional(),
  cacheCreationInputTokens: tokenCount.optional(),
  cacheCreation5mInputTokens: tokenCount.optional(),
  cacheCreation1hInputTokens: tokenCount.optional(),
  reasoningTokens: tokenCount.optional(),
  audioInputTokens: tokenCount.optional(),
  audioOutputTokens: tokenCount.optional(),
  imageInputTokens: tokenCount.optional(),
  imageOutputTokens: tokenCount.optional(),
  costUsd: z.number().min(0).max(1e6).optional(),
  status,
  errorMessage: z.string().max(10_000).optional(),
  input: z.union([z.string(), z.array(chatMessageSchema)]).optional(),
  output: z.string().optional(),
  context: z.array(z.string()).max(256).optional(),
  hallucination: z
    .object({
      flagged: z.boolean(),
      score: z.number().min(0).max(1).optional(),
      source: z.string().max(200).optional(),
    })
    .optional(),
}).superRefine((e, ctx) => {
  const issue = usageIssue(e);
  if (issue) ctx.addIssue({ code: "custom", path: [issue.path], message: issue.message });
});

export const predictionEventSchema = z.object({
  ...common,
  type: z.literal("prediction"),
  features: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])).optional(),
  prediction: z.union([z.number(), z.string()]),
  score: z.number().min(0).max(1).optional(),
  /** Per-feature attributions (e.g. SHAP values) of this prediction: feature name → contribution. */
  attributions: z.record(z.string(), z.number()).optional(),
  latencyMs: z.number().min(0).max(86_400_000).optional(),
  status,
  errorMessage: z.string().max(10_000).optional(),
});

export const labelEventSchema = z.object({
  ...common,
  type: z.literal("label"),
  targetId: shortText(128),
  label: z.union([z.number(), z.string()]),
});

export const metricEventSchema = z.object({
  ...common,
  type: z.literal("metric"),
  name: shortText(200),
  value: z.number(),
  feature: shortText(200).optional(),
});

/** A non-LLM span of a trace (mostly from OTLP): kept for the trace view, not counted as a call. */
export const spanEventSchema = z.object({
  ...common,
  type: z.literal("span"),
  // Plain spans (an HTTP handler, a vector search) need not belong to a model.
  model: shortText(200).optional(),
  name: shortText(500),
  latencyMs: z.number().min(0).max(86_400_000).optional(),
  status,
  errorMessage: z.string().max(10_000).optional(),
});

export const ingestEventSchema = z.discriminatedUnion("type", [
  llmEventSchema,
  predictionEventSchema,
  labelEventSchema,
  metricEventSchema,
  spanEventSchema,
]);

export type IngestEvent = z.output<typeof ingestEventSchema>;
export type LlmEvent = z.output<typeof llmEventSchema>;
export type PredictionEvent = z.output<typeof predictionEventSchema>;

export const MAX_EVENTS_PER_BATCH = 1000;
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
