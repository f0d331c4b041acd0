import { usageIssue, type UsageFields } from "@/lib/pricing/usage";
import { MAX_METADATA_BYTES, MIN_TS, MAX_FUTURE_MS, ISO_PREFIX, type IngestEvent } from "./event-schema";

/**
 * A hand-written check for the hot event types (LLM calls, predictions, trace spans) that returns
 * exactly what `ingestEventSchema.parse` would return — unknown keys dropped, defaults applied,
 * timestamps and numeric model versions converted — or `undefined` whenever it cannot vouch
 * for the event. The caller then runs the zod schema, which stays the single source of the
 * verdict and of every error message: this path only ever accepts, never rejects.
 *
 * Why: zod's generic object and union machinery was ~4 µs of a ~25 µs CPU budget per event
 * on the ingest path (docs/benchmarks.md). Kept in lock-step with event-schema.ts by the
 * differential test in fast-validate.test.ts: any divergence there is a bug here.
 */
export function fastValidate(input: Record<string, unknown>): IngestEvent | undefined {
  const type = input.type;
  if (type !== "llm" && type !== "prediction" && type !== "span") return undefined;
  const common = commonFields(input, type !== "span");
  if (!common) return undefined;
  return type === "llm" ? llm(input, common) : type === "prediction" ? prediction(input, common) : span(input, common);
}

/** The llm event's token counts: each an integer in [0, 1e9], details checked by `usageIssue`. */
const TOKEN_FIELDS = [
  "inputTokens", "outputTokens", "cacheReadInputTokens", "cacheCreationInputTokens", "cacheCreation5mInputTokens",
  "cacheCreation1hInputTokens", "reasoningTokens", "audioInputTokens", "audioOutputTokens", "imageInputTokens", "imageOutputTokens",
] as const;

/**
 * Every field the fast path reads, per type. A test requires these to equal the zod schemas'
 * keys, so a field added to event-schema.ts cannot be silently dropped by this path.
 */
export const FAST_PATH_FIELDS = {
  common: ["id", "timestamp", "model", "modelVersion", "environment", "userId", "sessionId", "traceId", "spanId", "parentSpanId", "tags", "metadata", "type"],
  llm: ["promptId", "promptVersion", "latencyMs", ...TOKEN_FIELDS, "costUsd", "status", "errorMessage", "input", "output", "context", "hallucination"],
  prediction: ["features", "prediction", "score", "attributions", "latencyMs", "status", "errorMessage"],
  span: ["name", "latencyMs", "status", "errorMessage"],
  hallucination: ["flagged", "score", "source"],
} as const;

type Common = Record<string, unknown> & { environment: string };
type Out = Record<string, unknown>;

const isText = (v: unknown, max: number): v is string => typeof v === "string" && v.length >= 1 && v.length <= max;
const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const inRange = (v: unknown, min: number, max: number): v is number => isNum(v) && v >= min && v <= max;
const isInt = (v: unknown, min: number, max: number): v is number => inRange(v, min, max) && Number.isInteger(v);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Optional text field: absent → ok; present → must pass, else the fast path gives up. */
function optText(src: Out, out: Out, key: string, max: number): boolean {
  const v = src[key];
  if (v === undefined) return true;
  if (!isText(v, max)) return false;
  out[key] = v;
  return true;
}

/** Optional number field within [min, max]: absent → ok; present → must pass. */
function optRange(src: Out, out: Out, key: string, min: number, max: number): boolean {
  const v = src[key];
  if (v === undefined) return true;
  if (!inRange(v, min, max)) return false;
  out[key] = v;
  return true;
}

/** `modelRequired`: false for spans, whose schema makes `model` optional. */
function commonFields(e: Out, modelRequired: boolean): Common | undefined {
  const out: Out = {};
  if (!isText(e.id, 128)) return undefined;
  out.id = e.id;
  const ts = e.timestamp;
  if (ts !== undefined) {
    const ms = typeof ts === "number" ? ts : typeof ts === "string" && ISO_PREFIX.test(ts) ? Date.parse(ts) : NaN;
    if (!Number.isFinite(ms) || ms < MIN_TS || ms > Date.now() + MAX_FUTURE_MS) return undefined;
    out.timestamp = Math.trunc(ms);
  }
  if (e.model !== undefined || modelRequired) {
    if (!isText(e.model, 200)) return undefined;
    out.model = e.model;
  }
  const mv = e.modelVersion;
  if (mv !== undefined) {
    if (typeof mv === "string" ? !isText(mv, 100) : !isNum(mv)) return undefined;
    out.modelVersion = String(mv);
  }
  const env = e.environment;
  if (env === undefined) out.environment = "production";
  else if (isText(env, 64)) out.environment = env;
  else return undefined;
  if (!optText(e, out, "userId", 256) || !optText(e, out, "sessionId", 256) || !optText(e, out, "traceId", 128)) return undefined;
  if (!optText(e, out, "spanId", 64) || !optText(e, out, "parentSpanId", 64)) return undefined;
  const tags = e.tags;
  if (tags !== undefined) {
    if (!Array.isArray(tags) || tags.length > 64) return undefined;
    for (const t of tags) if (typeof t !== "string" || t.length > 200) return undefined;
    out.tags = tags;
  }
  const metadata = e.metadata;
  if (metadata !== undefined) {
    if (!isPlainObject(metadata) || JSON.stringify(metadata).length > MAX_METADATA_BYTES) return undefined;
    out.metadata = metadata;
  }
  return out as Common;
}

function status(e: Out, out: Out): boolean {
  const s = e.status;
  if (s === undefined) out.status = "ok";
  else if (s === "ok" || s === "error") out.status = s;
  else return false;
  const m = e.errorMessage;
  if (m !== undefined) {
    if (typeof m !== "string" || m.length > 10_000) return false;
    out.errorMessage = m;
  }
  return true;
}

function llm(e: Out, out: Common): IngestEvent | undefined {
  out.type = "llm";
  if (!optText(e, out, "promptId", 200)) return undefined;
  if (e.promptVersion !== undefined) {
    if (!isInt(e.promptVersion, 1, 1_000_000)) return undefined;
    out.promptVersion = e.promptVersion;
  }
  if (!inRange(e.latencyMs, 0, 86_400_000)) return undefined;
  out.latencyMs = e.latencyMs;
  let details = false;
  for (const k of TOKEN_FIELDS) {
    if (e[k] === undefined) continue;
    if (!isInt(e[k], 0, 1e9)) return undefined;
    out[k] = e[k];
    if (k !== "inputTokens" && k !== "outputTokens") details = true;
  }
  // A detail above its total is zod's to reject (with its message); the fast path only declines.
  if (details && usageIssue(out as UsageFields)) return undefined;
  if (!optRange(e, out, "costUsd", 0, 1e6)) return undefined;
  if (!status(e, out)) return undefined;
  const input = e.input;
  if (input !== undefined) {
    if (Array.isArray(input)) {
      // Chat messages: zod's looseObject keeps every key, so the fast path passes them through.
      // (zod 4 treats `content: z.unknown()` as required: undefined content is rejected.)
      for (const m of input) {
        if (!isPlainObject(m) || typeof m.role !== "string" || m.role.length > 64 || m.content === undefined) return undefined;
      }
    } else if (typeof input !== "string") return undefined;
    out.input = input;
  }
  if (e.output !== undefined) {
    if (typeof e.output !== "string") return undefined;
    out.output = e.output;
  }
  const context = e.context;
  if (context !== undefined) {
    if (!Array.isArray(context) || context.length > 256) return undefined;
    for (const c of context) if (typeof c !== "string") return undefined;
    out.context = context;
  }
  const h = e.hallucination;
  if (h !== undefined) {
    if (!isPlainObject(h) || typeof h.flagged !== "boolean") return undefined;
    const verdict: Out = { flagged: h.flagged };
    if (h.score !== undefined) {
      if (!inRange(h.score, 0, 1)) return undefined;
      verdict.score = h.score;
    }
    if (h.source !== undefined) {
      if (typeof h.source !== "string" || h.source.length > 200) return undefined;
      verdict.source = h.source;
    }
    out.hallucination = verdict;
  }
  return out as unknown as IngestEvent;
}

function prediction(e: Out, out: Common): IngestEvent | undefined {
  out.type = "prediction";
  const features = e.features;
  if (features !== undefined) {
    if (!isPlainObject(features)) return undefined;
    for (const k in features) {
      const v = features[k];
      if (v !== null && typeof v !== "string" && typeof v !== "boolean" && !isNum(v)) return undefined;
    }
    out.features = features;
  }
  const p = e.prediction;
  if (typeof p === "string" || isNum(p)) out.prediction = p;
  else return undefined;
  if (!optRange(e, out, "score", 0, 1) || !optRange(e, out, "latencyMs", 0, 86_400_000)) return undefined;
  const attributions = e.attributions;
  if (attributions !== undefined) {
    if (!isPlainObject(attributions)) return undefined;
    for (const k in attributions) if (!isNum(attributions[k])) return undefined;
    out.attributions = attributions;
  }
  if (!status(e, out)) return undefined;
  return out as unknown as IngestEvent;
}

/** Plain spans of a trace (half of a typical OTLP export: HTTP handlers, tools, retrieval). */
function span(e: Out, out: Common): IngestEvent | undefined {
  out.type = "span";
  if (!isText(e.name, 500)) return undefined;
  out.name = e.name;
  if (!optRange(e, out, "latencyMs", 0, 86_400_000) || !status(e, out)) return undefined;
  return out as unknown as IngestEvent;
}
