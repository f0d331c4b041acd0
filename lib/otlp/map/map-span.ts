import { MAX_METADATA_BYTES } from "@/lib/ingest/event-schema";
import { SPAN_KIND_NAMES, type Attributes, type OtlpSpan } from "../span-model";
import type { Classification, FieldName, MappedFields } from "./family";
import { CLASSIFY_PRECEDENCE, FIELD_PRECEDENCE } from "./families";
import { isErrorLevel } from "./families/langfuse";
import { MappingRecord } from "./mapping-record";
import { SpanView, type Found } from "./span-view";

const SPAN_FIELDS: FieldName[] = ["model", "modelVersion", "environment", "userId", "sessionId", "tags", "provider"];
const LLM_FIELDS: FieldName[] = [
  ...SPAN_FIELDS,
  "promptId", "promptVersion", "inputTokens", "outputTokens", "totalTokens", "costUsd", "input", "output",
  "hallucinationFlagged", "hallucinationScore", "hallucinationSource",
];
const MAX_ERROR_MESSAGE = 10_000;
const MAX_NAME = 500;

/** How a span was read: stored in the event body as `otel`, shown by the mapping inspector. */
export interface OtelProvenance {
  /** Sightline field → the attribute (or span field) it came from. */
  mapped: Record<string, string>;
  /** Every span attribute that no field was taken from, as it came. */
  unmapped: Attributes;
  resource: Attributes;
  scope: OtlpSpan["scope"];
  spanName: string;
  spanKind: string;
  /** Values of mapped attributes whose conversion dropped structure (output messages → text). */
  original?: Attributes;
  events?: OtlpSpan["events"];
  links?: OtlpSpan["links"];
  statusMessage?: string;
  dropped?: OtlpSpan["dropped"];
  warnings?: string[];
}

export interface MappedSpan {
  /** A native Sightline event in ingest input shape (validated by ingestEvents). */
  event: Record<string, unknown>;
  extra: { otel: OtelProvenance };
}

/** One normalised OTLP span → a native `llm` or `span` event and its mapping provenance. */
export function mapSpan(span: OtlpSpan): MappedSpan {
  const view = new SpanView(span);
  const kind = classify(view);
  const rec = new MappingRecord();
  rec.structural("id", "traceId:spanId");
  // The marker that decided the kind stays in `unmapped` too: its value ("chat", "TOOL") is
  // information the type alone does not keep.
  rec.structural("type", kind.from);
  rec.structural("traceId", "traceId");
  rec.structural("spanId", "spanId");
  if (span.parentSpanId) rec.structural("parentSpanId", "parentSpanId");
  rec.structural("timestamp", "startTimeUnixNano");
  rec.structural("latencyMs", "endTimeUnixNano − startTimeUnixNano");

  const f: Partial<MappedFields> = {};
  const original: Attributes = {};
  for (const field of kind.type === "llm" ? LLM_FIELDS : SPAN_FIELDS) {
    for (const family of FIELD_PRECEDENCE) {
      const found = family.fields[field]?.(view) as Found<unknown> | undefined;
      if (found) {
        (f as Record<string, unknown>)[field] = found.value;
        rec.take(field, found);
        if (found.lossy) for (const key of found.consumed ?? [found.from]) original[key] = span.attributes[key];
        break;
      }
    }
  }
  deriveTokens(f, rec);

  const event: Record<string, unknown> = {
    id: `${span.traceId}:${span.spanId}`,
    type: kind.type,
    timestamp: span.startMs,
    traceId: span.traceId,
    spanId: span.spanId,
    parentSpanId: span.parentSpanId,
    latencyMs: span.durationMs,
    model: f.model,
    modelVersion: f.modelVersion,
    environment: f.environment,
    userId: f.userId,
    sessionId: f.sessionId,
    tags: f.tags,
  };
  const status = statusOf(view, rec);
  Object.assign(event, status.fields);

  if (kind.type === "llm") {
    if (!f.model) {
      event.model = "unknown";
      view.warnings.push('LLM span without a model attribute; model set to "unknown"');
    }
    if (!f.promptId && f.promptVersion !== undefined) {
      view.warnings.push("prompt version without a prompt id; not mapped");
      rec.drop("promptVersion");
      f.promptVersion = undefined;
    }
    Object.assign(event, {
      promptId: f.promptId,
      promptVersion: f.promptVersion,
      inputTokens: f.inputTokens,
      outputTokens: f.outputTokens,
      costUsd: f.costUsd,
      input: f.input,
      output: f.output,
      hallucination: hallucinationOf(f, rec, view),
    });
  } else {
    event.name = (span.name || "(unnamed span)").slice(0, MAX_NAME);
    rec.structural("name", "name");
  }

  const metadata = metadataOf(view, f, rec);
  if (metadata) event.metadata = metadata;

  for (const key of Object.keys(event)) if (event[key] === undefined) delete event[key];
  const otel = provenance(span, view, rec, status.truncated);
  if (Object.keys(original).length) otel.original = original;
  return { event, extra: { otel } };
}

function classify(view: SpanView): Classification {
  for (const family of CLASSIFY_PRECEDENCE) {
    const c = family.classify?.(view);
    if (c) return c;
  }
  return { type: "span", from: "no GenAI attributes" };
}

/** With only a total and one side known, the other side is total − known. */
function deriveTokens(f: Partial<MappedFields>, rec: MappingRecord) {
  const total = f.totalTokens;
  if (total === undefined) return;
  const from = rec.mapped.totalTokens;
  if (f.inputTokens !== undefined && f.outputTokens === undefined && total >= f.inputTokens) {
    f.outputTokens = total - f.inputTokens;
    rec.rename("totalTokens", "outputTokens", `${from} − ${rec.mapped.inputTokens}`);
  } else if (f.outputTokens !== undefined && f.inputTokens === undefined && total >= f.outputTokens) {
    f.inputTokens = total - f.outputTokens;
    rec.rename("totalTokens", "inputTokens", `${from} − ${rec.mapped.outputTokens}`);
  } else {
    rec.drop("totalTokens"); // nothing to derive: the total stays visible as unmapped
  }
}

function statusOf(view: SpanView, rec: MappingRecord) {
  const span = view.span;
  let error = false;
  if (span.statusCode === 2) {
    error = true;
    rec.structural("status", "status.code");
  } else if (isErrorLevel(view)) {
    error = true;
    rec.take("status", { from: "langfuse.observation.level" });
  } else {
    rec.structural("status", "status.code");
  }
  if (!error) return { fields: { status: "ok" }, truncated: undefined };
  let message: string | undefined;
  const ex = span.events.find((e) => e.name === "exception");
  const exText = ex && [ex.attributes["exception.type"], ex.attributes["exception.message"]].filter((x) => typeof x === "string" && x).join(": ");
  const lf = view.string("langfuse.observation.status_message");
  if (span.statusMessage) {
    message = span.statusMessage;
    rec.structural("errorMessage", "status.message");
  } else if (exText) {
    message = exText;
    rec.structural("errorMessage", "event:exception");
  } else if (lf) {
    message = lf.value;
    rec.take("errorMessage", lf);
  }
  const truncated = message && message.length > MAX_ERROR_MESSAGE ? message : undefined;
  return { fields: { status: "error", errorMessage: truncated ? `${message!.slice(0, MAX_ERROR_MESSAGE - 1)}…` : message }, truncated };
}

function hallucinationOf(f: Partial<MappedFields>, rec: MappingRecord, view: SpanView) {
  if (f.hallucinationFlagged === undefined) {
    if (f.hallucinationScore !== undefined) view.warnings.push("hallucination score without sightline.hallucination.flagged; not mapped");
    rec.drop("hallucinationScore");
    rec.drop("hallucinationSource");
    return undefined;
  }
  return { flagged: f.hallucinationFlagged, score: f.hallucinationScore, source: f.hallucinationSource ?? "otel" };
}

/** Free-form metadata of all families, higher precedence winning on a key clash; ≤16 KiB. */
function metadataOf(view: SpanView, f: Partial<MappedFields>, rec: MappingRecord) {
  const out: Record<string, unknown> = {};
  const from: Record<string, string> = {};
  for (const family of [...FIELD_PRECEDENCE].reverse()) {
    for (const e of family.metadata?.(view) ?? []) {
      if (rec.isConsumed(e.from)) continue; // already a field (a user id among association properties)
      out[e.key] = e.value;
      from[e.key] = e.from;
    }
  }
  if (f.provider !== undefined) {
    out.provider = f.provider;
    rec.rename("provider", "metadata.provider", rec.mapped.provider);
  }
  if (!Object.keys(out).length) return undefined;
  if (JSON.stringify(out).length > MAX_METADATA_BYTES) {
    view.warnings.push(`metadata would exceed ${MAX_METADATA_BYTES} bytes; its attributes are kept unmapped instead`);
    rec.drop("metadata.provider");
    return undefined;
  }
  for (const [key, source] of Object.entries(from)) rec.take(`metadata.${key}`, { from: source });
  return out;
}

function provenance(span: OtlpSpan, view: SpanView, rec: MappingRecord, statusMessage?: string): OtelProvenance {
  const consumed = rec.consumedKeys();
  const unmapped: Attributes = {};
  for (const [key, value] of Object.entries(span.attributes)) if (!consumed.has(key)) unmapped[key] = value;
  const p: OtelProvenance = {
    mapped: rec.mapped,
    unmapped,
    resource: span.resource,
    scope: span.scope,
    spanName: span.name,
    spanKind: SPAN_KIND_NAMES[span.kind] ?? String(span.kind),
  };
  if (span.events.length) p.events = span.events;
  if (span.links.length) p.links = span.links;
  if (statusMessage) p.statusMessage = statusMessage;
  if (span.dropped) p.dropped = span.dropped;
  const warnings = [...span.warnings, ...new Set(view.warnings)];
  if (warnings.length) p.warnings = warnings;
  return p;
}
