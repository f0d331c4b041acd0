import type { Db } from "@/db/client";
import type { EventRow } from "@/db/statements/ingest";
import type { ModelKind } from "@/db/schema";
import { costOf, findPrice } from "@/lib/pricing/price-book";
import type { DimensionResolver } from "./dimensions";
import type { IngestEvent } from "./event-schema";

/** What an event contributes beyond its row: side-table records and rollup input. */
export type PreparedEvent = Omit<EventRow, "id"> & {
  labelValue?: string | number;
  targetClientId?: string;
  metric?: { name: string; feature: string | null; value: number };
};

const KIND_OF: Record<IngestEvent["type"], ModelKind> = {
  llm: "llm",
  span: "llm",
  prediction: "ml",
  label: "ml",
  metric: "ml",
};

/**
 * Splits a validated event into indexed columns and the JSON body, resolving names to ids and
 * pricing LLM calls. Token counts without a client cost and without a matching price are
 * marked unpriced (cost null), never silently $0.
 */
export function toRow(
  db: Db,
  dims: DimensionResolver,
  projectId: number,
  e: IngestEvent,
  now: number,
  extra?: Record<string, unknown>,
): PreparedEvent {
  const { id: clientId, type, timestamp, model, modelVersion, environment, userId, sessionId, traceId, spanId, parentSpanId, ...rest } = e;
  const modelId = model ? dims.model(projectId, model, KIND_OF[type]) : null;
  const row: PreparedEvent = {
    projectId, clientId, type, ts: timestamp ?? now, receivedAt: now, modelId,
    modelVersionId: modelId !== null && modelVersion ? dims.modelVersion(modelId, modelVersion) : null,
    promptId: null, promptVersionId: null, environment, userId: userId ?? null, sessionId: sessionId ?? null,
    traceId: traceId ?? null, spanId: spanId ?? null, parentSpanId: parentSpanId ?? null, status: null,
    latencyMs: null, inputTokens: null, outputTokens: null, costUsd: null, unpriced: null, flagged: null,
    hallucinationScore: null, score: null, body: "",
  };
  let body: Record<string, unknown> = rest;
  switch (e.type) {
    case "llm": {
      const { promptId, promptVersion, latencyMs, inputTokens, outputTokens, costUsd, status, hallucination, ...text } = e;
      void text;
      if (promptId) {
        row.promptId = dims.prompt(projectId, promptId);
        if (promptVersion !== undefined) row.promptVersionId = dims.promptVersion(row.promptId, promptVersion);
      }
      Object.assign(row, { status, latencyMs, inputTokens: inputTokens ?? null, outputTokens: outputTokens ?? null });
      if (costUsd !== undefined) {
        row.costUsd = costUsd;
      } else if (inputTokens !== undefined || outputTokens !== undefined) {
        const rule = findPrice(db, projectId, e.model);
        if (rule) row.costUsd = costOf(rule, inputTokens ?? 0, outputTokens ?? 0);
        else row.unpriced = 1;
      }
      if (hallucination) {
        row.flagged = hallucination.flagged ? 1 : 0;
        row.hallucinationScore = hallucination.score ?? null;
      }
      body = pick(e, ["input", "output", "context", "errorMessage", "tags", "metadata"]);
      if (promptId) body.promptId = promptId;
      if (promptVersion !== undefined) body.promptVersion = promptVersion;
      if (hallucination?.source) body.hallucinationSource = hallucination.source;
      break;
    }
    case "prediction":
      Object.assign(row, { status: e.status, latencyMs: e.latencyMs ?? null, score: e.score ?? null });
      body = pick(e, ["prediction", "features", "errorMessage", "tags", "metadata"]);
      break;
    case "span":
      Object.assign(row, { status: e.status, latencyMs: e.latencyMs ?? null });
      body = pick(e, ["name", "errorMessage", "tags", "metadata"]);
      break;
    case "label":
      row.labelValue = e.label;
      row.targetClientId = e.targetId;
      body = pick(e, ["targetId", "label", "tags", "metadata"]);
      break;
    case "metric":
      row.metric = { name: e.name, feature: e.feature ?? null, value: e.value };
      body = pick(e, ["name", "value", "feature", "tags", "metadata"]);
      break;
  }
  if (modelVersion) body.modelVersion = modelVersion;
  row.body = JSON.stringify(extra ? { ...body, ...extra } : body);
  return row;
}

function pick<T extends object>(o: T, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = (o as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = v;
  }
  return out;
}
