import type { EventRow } from "@/db/statements/ingest";
import type { ModelKind } from "@/db/schema";
import { canonicalModelName } from "@/lib/models/canonical-name";
import type { PriceMatcher } from "@/lib/pricing/match-price";
import { priceCall, type PricedCall } from "@/lib/pricing/price-call";
import type { DimensionResolver } from "./dimensions";
import type { IngestEvent } from "./event-schema";

/** What an event contributes beyond its row: side-table records and rollup input. */
export type PreparedEvent = Omit<EventRow, "id"> & {
  labelValue?: string | number;
  targetClientId?: string;
  metric?: { name: string; feature: string | null; value: number };
  /** The `prediction` side row (drift, performance, attributions): see db/schema/prediction.ts. */
  prediction?: { valueNum: number | null; valueText: string | null; features: string | null; attributions: string | null };
};

/** The name an event's model is stored under (LLM calls: canonical); the PostgreSQL store preloads it. */
export function modelNameOf(e: IngestEvent): string | undefined {
  return e.model && KIND_OF[e.type] === "llm" ? canonicalModelName(e.model) : e.model;
}

export const KIND_OF: Record<IngestEvent["type"], ModelKind> = {
  llm: "llm",
  span: "llm",
  prediction: "ml",
  label: "ml",
  metric: "ml",
};

/**
 * Splits a validated event into indexed columns and the JSON body, resolving names to ids and
 * pricing LLM calls (`prices`: the batch's price book, lib/pricing/price-book.ts). Token counts
 * without a client cost and without a matching price are marked unpriced (cost null), never
 * silently $0.
 */
export function toRow(
  prices: PriceMatcher,
  dims: DimensionResolver,
  projectId: number,
  e: IngestEvent,
  now: number,
  extra?: Record<string, unknown>,
): PreparedEvent {
  // Built field by field (no rest/spread copies of the event): this runs once per event.
  // LLM calls group under one name per model: a dated or provider-prefixed response model
  // (gpt-4o-2024-08-06, openai/gpt-4o) is kept in the body as `responseModel`.
  const model = modelNameOf(e);
  const responseModel = model !== e.model ? e.model : undefined;
  const modelId = model ? dims.model(projectId, model, KIND_OF[e.type]) : null;
  const modelVersion = e.modelVersion;
  const row: PreparedEvent = {
    projectId, clientId: e.id, type: e.type, ts: e.timestamp ?? now, receivedAt: now, modelId,
    modelVersionId: modelId !== null && modelVersion ? dims.modelVersion(projectId, modelId, modelVersion) : null,
    promptId: null, promptVersionId: null, environment: e.environment, userId: e.userId ?? null,
    sessionId: e.sessionId ?? null, traceId: e.traceId ?? null, spanId: e.spanId ?? null,
    parentSpanId: e.parentSpanId ?? null, status: null, latencyMs: null, inputTokens: null, outputTokens: null,
    cacheReadTokens: null, cacheWriteTokens: null, reasoningTokens: null, costUsd: null, costReported: null,
    costInputUsd: null, costCacheReadUsd: null, costCacheWriteUsd: null, costOutputUsd: null, costReasoningUsd: null, unpriced: null, flagged: null, hallucinationScore: null, score: null, body: "",
  };
  let body: Record<string, unknown>;
  switch (e.type) {
    case "llm": {
      const { promptId, promptVersion, inputTokens, outputTokens, costUsd, hallucination } = e;
      if (promptId) {
        row.promptId = dims.prompt(projectId, promptId);
        if (promptVersion !== undefined) row.promptVersionId = dims.promptVersion(projectId, row.promptId, promptVersion);
      }
      row.status = e.status;
      row.latencyMs = e.latencyMs;
      row.inputTokens = inputTokens ?? null;
      row.outputTokens = outputTokens ?? null;
      row.cacheReadTokens = e.cacheReadInputTokens ?? null;
      row.cacheWriteTokens = e.cacheCreationInputTokens ?? null;
      row.reasoningTokens = e.reasoningTokens ?? null;
      const provider = e.metadata?.provider;
      const priced = priceCall(prices, {
        projectId, model: e.model, provider: typeof provider === "string" ? provider : null, ts: row.ts, usage: e, reportedUsd: costUsd,
      });
      applyPrice(row, priced);
      if (hallucination) {
        row.flagged = hallucination.flagged ? 1 : 0;
        row.hallucinationScore = hallucination.score ?? null;
      }
      body = pick(e, LLM_BODY);
      const usage = pick(e, USAGE_BODY);
      for (const _ in usage) {
        body.usage = usage; // only the details that have no column, and only when present
        break;
      }
      if (promptId) body.promptId = promptId;
      if (promptVersion !== undefined) body.promptVersion = promptVersion;
      if (hallucination?.source) body.hallucinationSource = hallucination.source;
      break;
    }
    case "prediction":
      row.status = e.status;
      row.latencyMs = e.latencyMs ?? null;
      row.score = e.score ?? null;
      body = pick(e, PREDICTION_BODY);
      row.prediction = {
        valueNum: typeof e.prediction === "number" ? e.prediction : null,
        valueText: typeof e.prediction === "string" ? e.prediction : null,
        features: e.features ? JSON.stringify(e.features) : null,
        attributions: e.attributions ? JSON.stringify(e.attributions) : null,
      };
      break;
    case "span":
      row.status = e.status;
      row.latencyMs = e.latencyMs ?? null;
      body = pick(e, SPAN_BODY);
      break;
    case "label":
      row.labelValue = e.label;
      row.targetClientId = e.targetId;
      body = pick(e, LABEL_BODY);
      break;
    case "metric":
      row.metric = { name: e.name, feature: e.feature ?? null, value: e.value };
      body = pick(e, METRIC_BODY);
      break;
  }
  if (modelVersion) body.modelVersion = modelVersion;
  if (responseModel) body.responseModel = responseModel;
  row.body = JSON.stringify(extra ? { ...body, ...extra } : body);
  return row;
}

/** Writes a priced call into an event row's cost columns (also used by re-pricing). */
export function applyPrice(row: Pick<PreparedEvent, "costUsd" | "costReported" | "unpriced" | "costInputUsd" | "costCacheReadUsd" | "costCacheWriteUsd" | "costOutputUsd" | "costReasoningUsd">, p: PricedCall): void {
  row.costUsd = p.costUsd;
  row.costReported = p.costReported ? 1 : null;
  row.unpriced = p.unpriced ? 1 : null;
  const b = p.breakdown;
  row.costInputUsd = b ? b.input : null;
  row.costCacheReadUsd = b ? b.cacheRead : null;
  row.costCacheWriteUsd = b ? b.cacheWrite : null;
  row.costOutputUsd = b ? b.output : null;
  row.costReasoningUsd = b ? b.reasoning : null;
}

/** Usage details without a column of their own: kept in the body under `usage` (re-pricing reads them there). */
export const USAGE_BODY = [
  "cacheCreation5mInputTokens", "cacheCreation1hInputTokens", "audioInputTokens", "audioOutputTokens", "imageInputTokens", "imageOutputTokens",
];

/** Fields kept in the JSON body, per type (everything else is a column or derived). */
const LLM_BODY = ["input", "output", "context", "errorMessage", "tags", "metadata"];
const PREDICTION_BODY = ["prediction", "features", "attributions", "errorMessage", "tags", "metadata"];
const SPAN_BODY = ["name", "errorMessage", "tags", "metadata"];
const LABEL_BODY = ["targetId", "label", "tags", "metadata"];
const METRIC_BODY = ["name", "value", "feature", "tags", "metadata"];

function pick(o: object, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = (o as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}
