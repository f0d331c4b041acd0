import { MAX_METADATA_BYTES } from "@/lib/ingest/event-schema";
import { SPAN_KIND_NAMES, type AttrValue, type Attributes, type OtlpSpan } from "../span-model";
import type { Classification, Family, FieldName, MappedFields } from "./family";
import { CLASSIFY_PRECEDENCE, FIELD_PRECEDENCE } from "./families";
import { isErrorLevel } from "./families/langfuse";
import { MappingRecord } from "./mapping-record";
import { elideText } from "./messages";
import { prefixedKey } from "./prefixed-key";
import { SpanView, type Found } from "./span-view";
import { normaliseUsage, USAGE_FIELDS } from "./usage-counting";

const SPAN_FIELDS: FieldName[] = ["model", "modelVersion", "environment", "userId", "sessionId", "tags", "provider"];
const LLM_FIELDS: FieldName[] = [
  ...SPAN_FIELDS,
  "promptId", "promptVersion", "inputTokens", "outputTokens", "totalTokens", ...USAGE_FIELDS, "costUsd", "input", "output",
  "hallucinationFlagged", "hallucinationScore", "hallucinationSource",
];
const MAX_ERROR_MESSAGE = 10_000;
const MAX_NAME = 500;

type Extractor = (s: SpanView) => Found<unknown> | undefined;
/** Each family's bit in a span's set of active families. */
const BIT = new Map<Family, number>(FIELD_PRECEDENCE.map((f, i) => [f, 1 << i]));
/** Per field, the families that can fill it, in precedence order (built once). */
const EXTRACTORS = new Map<FieldName, [number, Extractor, Family][]>(
  LLM_FIELDS.map((field) => [field, FIELD_PRECEDENCE.flatMap((f) => (f.fields[field] ? [[BIT.get(f)!, f.fields[field] as Extractor, f]] : []))]),
);
const METADATA_FAMILIES = [...FIELD_PRECEDENCE].reverse().filter((f) => f.metadata);

/**
 * How a span was read: stored in the event body as `otel`, shown by the mapping inspector.
 * Fields that always come from the same place are not repeated per event (docs/opentelemetry.md):
 * id ← traceId:spanId, traceId, spanId, parentSpanId, timestamp ← startTimeUnixNano,
 * latencyMs ← end − start, status ← status.code, name ← the span name.
 */
export interface OtelProvenance {
  /** Sightline field → the attribute (or `resource.<key>`, `event:<name>`) it came from. */
  mapped: Record<string, string>;
  /** Every span attribute that no field was taken from, as it came. */
  unmapped: Attributes;
  /** The resource attributes not mapped to a field (a mapped one is named in `mapped` as `resource.<key>`). */
  resource: Attributes;
  scope: OtlpSpan["scope"];
  /** The span name (for plain spans it is also the event's `name`, so only kept when it differs). */
  spanName?: string;
  spanKind: string;
  /** The rest of attributes whose text became `output` (the text itself elided). */
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
  const active = activeFamilies(span);
  const kind = classify(view, active);
  const rec = new MappingRecord();
  // The marker that decided the kind is noted, not used up: its value ("chat", "TOOL") is
  // information the type alone does not keep.
  rec.note("type", kind.from);

  const f: Partial<Record<FieldName, unknown>> = {};
  let original: Attributes | undefined;
  let inputFamily: Family | undefined;
  for (const field of kind.type === "llm" ? LLM_FIELDS : SPAN_FIELDS) {
    for (const [bit, extract, family] of EXTRACTORS.get(field)!) {
      if (!(active & bit)) continue;
      const found = extract(view);
      if (!found) continue;
      f[field] = found.value;
      if (field === "inputTokens") inputFamily = family;
      rec.take(field, found);
      if (found.lossy) {
        original ??= {};
        for (const key of found.consumed ?? [found.from]) original[key] = elideText(view.json(key)?.value ?? span.attributes[key]) as AttrValue;
      }
      break;
    }
  }
  const m = f as Partial<MappedFields>;
  deriveTokens(m, rec);
  if (kind.type === "llm") normaliseUsage(m, inputFamily, view, rec);

  const event: Record<string, unknown> = {
    id: `${span.traceId}:${span.spanId}`,
    type: kind.type,
    timestamp: span.startMs,
    traceId: span.traceId,
    spanId: span.spanId,
    latencyMs: span.durationMs,
  };
  if (span.parentSpanId) event.parentSpanId = span.parentSpanId;
  copy(event, m, ["model", "modelVersion", "environment", "userId", "sessionId", "tags"]);
  const status = statusOf(view, rec);
  event.status = status.error ? "error" : "ok";
  if (status.message !== undefined) event.errorMessage = status.message;

  if (kind.type === "llm") {
    if (!m.model) {
      event.model = "unknown";
      view.warnings.push('LLM span without a model attribute; model set to "unknown"');
    }
    if (m.promptVersion !== undefined && !m.promptId) {
      view.warnings.push("prompt version without a prompt id; not mapped");
      rec.drop("promptVersion");
      m.promptVersion = undefined;
    }
    copy(event, m, ["promptId", "promptVersion", "inputTokens", "outputTokens", ...USAGE_FIELDS, "costUsd", "input", "output"]);
    const hallucination = hallucinationOf(m, rec, view);
    if (hallucination) event.hallucination = hallucination;
  } else {
    event.name = (span.name || "(unnamed span)").slice(0, MAX_NAME);
  }

  const metadata = metadataOf(view, active, m, rec);
  if (metadata) event.metadata = metadata;

  const otel = provenance(span, view, rec, event.name === span.name, status.truncated);
  if (original) otel.original = original;
  return { event, extra: { otel } };
}

/** The families a span has attributes (or GenAI events) of, as a bit set. */
function activeFamilies(span: OtlpSpan): number {
  let active = ALWAYS;
  for (const key in span.attributes) {
    let bits = BITS_OF_KEY.get(key);
    if (bits === undefined) {
      const dot = key.indexOf(".");
      bits = BY_NAMESPACE.get(dot < 0 ? key : key.slice(0, dot)) ?? 0;
      if (BITS_OF_KEY.size > 50_000) BITS_OF_KEY.clear(); // keys are few in practice; bound it anyway
      BITS_OF_KEY.set(key, bits);
    }
    active |= bits;
  }
  if (span.events.length && span.events.some((e) => e.name.startsWith("gen_ai."))) active |= BY_NAMESPACE.get("gen_ai")!;
  return active;
}

const ALWAYS = FIELD_PRECEDENCE.reduce((bits, f) => (f.namespaces.includes("*") ? bits | BIT.get(f)! : bits), 0);
/** First segment of an attribute key (`gen_ai`) → the bits of the families reading it. */
const BY_NAMESPACE = new Map<string, number>();
for (const f of FIELD_PRECEDENCE) for (const ns of f.namespaces) BY_NAMESPACE.set(ns, (BY_NAMESPACE.get(ns) ?? 0) | BIT.get(f)!);
/** Attribute key → its family bits (attribute keys repeat across spans: look each up once). */
const BITS_OF_KEY = new Map<string, number>();

function classify(view: SpanView, active: number): Classification {
  for (const family of CLASSIFY_PRECEDENCE) {
    if (!(active & BIT.get(family)!)) continue;
    const c = family.classify?.(view);
    if (c) return c;
  }
  return { type: "span", from: "no GenAI attributes" };
}

function copy(event: Record<string, unknown>, m: Partial<MappedFields>, fields: (keyof MappedFields)[]) {
  for (const field of fields) if (m[field] !== undefined) event[field] = m[field];
}

/** With only a total and one side known, the other side is total − known. */
function deriveTokens(m: Partial<MappedFields>, rec: MappingRecord) {
  const total = m.totalTokens;
  if (total === undefined) return;
  const from = rec.mapped.totalTokens;
  if (m.inputTokens !== undefined && m.outputTokens === undefined && total >= m.inputTokens) {
    m.outputTokens = total - m.inputTokens;
    rec.rename("totalTokens", "outputTokens", `${from} − ${rec.mapped.inputTokens}`);
  } else if (m.outputTokens !== undefined && m.inputTokens === undefined && total >= m.outputTokens) {
    m.inputTokens = total - m.outputTokens;
    rec.rename("totalTokens", "inputTokens", `${from} − ${rec.mapped.outputTokens}`);
  } else {
    rec.drop("totalTokens"); // nothing to derive: the total stays visible as unmapped
  }
}

/** Error when the span status says so (or Langfuse's level does); the message from the status, an exception event, or Langfuse. */
function statusOf(view: SpanView, rec: MappingRecord): { error: boolean; message?: string; truncated?: string } {
  const span = view.span;
  if (span.statusCode !== 2) {
    if (!isErrorLevel(view)) return { error: false };
    rec.take("status", { from: "langfuse.observation.level" });
  }
  let message: string | undefined;
  const ex = span.statusMessage ? undefined : span.events.find((e) => e.name === "exception");
  const exText = ex && [ex.attributes["exception.type"], ex.attributes["exception.message"]].filter((x) => typeof x === "string" && x).join(": ");
  if (span.statusMessage) {
    message = span.statusMessage;
    rec.note("errorMessage", "status.message");
  } else if (exText) {
    message = exText;
    rec.note("errorMessage", "event:exception");
  } else {
    const lf = view.string("langfuse.observation.status_message");
    if (lf) {
      message = lf.value;
      rec.take("errorMessage", lf);
    }
  }
  if (message === undefined || message.length <= MAX_ERROR_MESSAGE) return { error: true, message };
  return { error: true, message: `${message.slice(0, MAX_ERROR_MESSAGE - 1)}…`, truncated: message };
}

function hallucinationOf(m: Partial<MappedFields>, rec: MappingRecord, view: SpanView) {
  if (m.hallucinationFlagged === undefined) {
    if (m.hallucinationScore !== undefined) view.warnings.push("hallucination score without sightline.hallucination.flagged; not mapped");
    rec.drop("hallucinationScore");
    rec.drop("hallucinationSource");
    return undefined;
  }
  const h: { flagged: boolean; score?: number; source: string } = { flagged: m.hallucinationFlagged, source: m.hallucinationSource ?? "otel" };
  if (m.hallucinationScore !== undefined) h.score = m.hallucinationScore;
  return h;
}

/** Free-form metadata of all families, higher precedence winning on a key clash; ≤16 KiB. */
function metadataOf(view: SpanView, active: number, m: Partial<MappedFields>, rec: MappingRecord) {
  let out: Record<string, unknown> | undefined;
  let from: Record<string, string> | undefined;
  for (const family of METADATA_FAMILIES) {
    if (!(active & BIT.get(family)!)) continue;
    for (const e of family.metadata!(view)) {
      if (rec.isConsumed(e.from)) continue; // already a field (a user id among association properties)
      (out ??= {})[e.key] = e.value;
      (from ??= {})[e.key] = e.from;
    }
  }
  if (m.provider !== undefined) {
    (out ??= {}).provider = m.provider;
    rec.rename("provider", "metadata.provider", rec.mapped.provider);
  }
  if (!out) return undefined;
  if (sizeAtMost(out) > MAX_METADATA_BYTES && JSON.stringify(out).length > MAX_METADATA_BYTES) {
    view.warnings.push(`metadata would exceed ${MAX_METADATA_BYTES} bytes; its attributes are kept unmapped instead`);
    rec.drop("metadata.provider");
    return undefined;
  }
  for (const key in from) rec.take(prefixedKey("metadata.", key), { from: from[key] });
  return out;
}

/** An upper bound of the JSON length of flat metadata (structured values are measured exactly). */
function sizeAtMost(o: Record<string, unknown>): number {
  let n = 2;
  for (const key in o) {
    const v = o[key];
    n += key.length * 6 + 4; // worst case: every character escaped as \uXXXX
    n += typeof v === "string" ? v.length * 6 + 2 : typeof v === "number" || typeof v === "boolean" || v === null ? 24 : JSON.stringify(v).length;
  }
  return n;
}

function provenance(span: OtlpSpan, view: SpanView, rec: MappingRecord, nameIsEventName: boolean, statusMessage?: string): OtelProvenance {
  const unmapped: Attributes = {};
  for (const key in span.attributes) if (!rec.isConsumed(key)) unmapped[key] = span.attributes[key];
  const resource: Attributes = {};
  for (const key in span.resource) if (!rec.isConsumed(prefixedKey("resource.", key))) resource[key] = span.resource[key];
  const p: OtelProvenance = {
    mapped: rec.mapped,
    unmapped,
    resource,
    scope: span.scope,
    spanKind: SPAN_KIND_NAMES[span.kind] ?? String(span.kind),
  };
  if (!nameIsEventName) p.spanName = span.name;
  if (span.events.length) p.events = span.events;
  if (span.links.length) p.links = span.links;
  if (statusMessage) p.statusMessage = statusMessage;
  if (span.dropped) p.dropped = span.dropped;
  if (span.warnings.length || view.warnings.length) p.warnings = [...span.warnings, ...new Set(view.warnings)];
  return p;
}
