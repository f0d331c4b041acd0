/**
 * The mapping inspector's data: an OTLP event's public JSON (with its `otel` provenance) →
 * plain rows of text for the event drawer. Pure and client-safe; every value becomes a string
 * here, so the component only renders text (attribute values are untrusted).
 */

export interface FieldRow {
  /** Sightline field, as in the public event (`model`, `metadata.service`, `hallucination.score`). */
  field: string;
  /** The value as stored in the event, shortened for display; `—` when the event has none. */
  value: string;
  /** Where it came from: an attribute key, `resource.<key>`, `event:<name>`, a pattern, or a fixed span part. */
  source: string;
  /** Always read from the same part of the span (ids, times, status, name), not stored per event. */
  fixed: boolean;
}

export interface AttributeRow {
  key: string;
  value: string;
  /** JSON type of the value as sent (a number sent as a string shows `string`). */
  valueType: "string" | "number" | "boolean" | "null" | "array" | "object";
}

export interface SpanEventRow {
  name: string;
  time: string | null;
  attributes: AttributeRow[];
}

export interface InspectorRows {
  fields: FieldRow[];
  unmapped: AttributeRow[];
  resource: AttributeRow[];
  scope: { name: string | null; version: string | null; attributes: AttributeRow[] };
  spanName: string | null;
  spanKind: string | null;
  events: SpanEventRow[];
  links: { traceId: string | null; spanId: string | null; attributes: AttributeRow[] }[];
  /** Attributes whose text became `output`, with that text elided (role, finish reason…). */
  original: AttributeRow[];
  dropped: { attributes: number; events: number; links: number } | null;
  statusMessage: string | null;
  warnings: string[];
}

/** Values longer than this are cut for the table (the raw JSON below it has them whole). */
export const MAX_VALUE_CHARS = 300;

type Json = Record<string, unknown>;

/** Inspector rows for an event, or null when it did not come from OTLP. */
export function inspectorRows(event: Json): InspectorRows | null {
  const otel = asObject(event.otel);
  if (!otel) return null;
  const mapped = stringMap(otel.mapped);
  const scope = asObject(otel.scope) ?? {};
  const dropped = asObject(otel.dropped);
  return {
    fields: fieldRows(event, mapped),
    unmapped: attributeRows(otel.unmapped),
    resource: attributeRows(otel.resource),
    scope: { name: stringOrNull(scope.name), version: stringOrNull(scope.version), attributes: attributeRows(scope.attributes) },
    spanName: stringOrNull(otel.spanName) ?? (event.type === "span" ? stringOrNull(event.name) : null),
    spanKind: stringOrNull(otel.spanKind),
    events: arrayOf(otel.events).map((e) => ({
      name: stringOrNull(e.name) ?? "(unnamed)",
      time: typeof e.timeMs === "number" && Number.isFinite(e.timeMs) ? new Date(e.timeMs).toISOString() : null,
      attributes: attributeRows(e.attributes),
    })),
    links: arrayOf(otel.links).map((l) => ({ traceId: stringOrNull(l.traceId), spanId: stringOrNull(l.spanId), attributes: attributeRows(l.attributes) })),
    original: attributeRows(otel.original),
    dropped: dropped ? { attributes: count(dropped.attributes), events: count(dropped.events), links: count(dropped.links) } : null,
    statusMessage: stringOrNull(otel.statusMessage),
    warnings: Array.isArray(otel.warnings) ? otel.warnings.filter((w): w is string => typeof w === "string") : [],
  };
}

/** Fields the mapping record names differently from the public event. */
const FIELD_NAMES: Record<string, string> = {
  hallucinationFlagged: "hallucination.flagged",
  hallucinationScore: "hallucination.score",
  hallucinationSource: "hallucination.source",
};

function fieldRows(event: Json, mapped: Record<string, string>): FieldRow[] {
  const rows: FieldRow[] = [];
  const fixed = (field: string, source: string) => rows.push({ field, value: display(valueAt(event, field)), source, fixed: true });
  fixed("id", "traceId:spanId");
  fixed("traceId", "traceId");
  fixed("spanId", "spanId");
  if (event.parentSpanId !== null && event.parentSpanId !== undefined) fixed("parentSpanId", "parentSpanId");
  fixed("timestamp", "startTimeUnixNano");
  fixed("latencyMs", "endTimeUnixNano − startTimeUnixNano");
  if (!mapped.status) fixed("status", "status.code");
  if (event.type === "span") fixed("name", "span name");

  for (const [key, source] of Object.entries(mapped)) {
    const field = FIELD_NAMES[key] ?? key;
    rows.push({ field, value: display(valueAt(event, field)), source, fixed: false });
  }
  // Filled without an attribute: by the documented default, or priced like a native event.
  if (!mapped.environment && typeof event.environment === "string") {
    rows.push({ field: "environment", value: event.environment, source: "default (no environment attribute)", fixed: false });
  }
  if (!mapped.costUsd && typeof event.costUsd === "number") {
    rows.push({ field: "costUsd", value: display(event.costUsd), source: "price book (no cost attribute)", fixed: false });
  }
  return rows;
}

/** `metadata.service` → event.metadata.service; metadata keys may themselves contain dots. */
function valueAt(event: Json, field: string): unknown {
  if (field in event) return event[field];
  let cur: unknown = event;
  let offset = 0;
  for (const part of field.split(".")) {
    const o = asObject(cur);
    if (!o) return undefined;
    if (!(part in o)) {
      const rest = field.slice(offset);
      return rest in o ? o[rest] : undefined;
    }
    cur = o[part];
    offset += part.length + 1;
  }
  return cur;
}

function attributeRows(value: unknown): AttributeRow[] {
  const o = asObject(value);
  if (!o) return [];
  return Object.entries(o).map(([key, v]) => ({ key, value: display(v), valueType: typeOf(v) }));
}

/** Text for a value: strings as they are, everything else as JSON; cut at MAX_VALUE_CHARS. */
export function display(v: unknown): string {
  if (v === undefined) return "—";
  let s: string;
  if (typeof v === "string") s = v;
  else {
    try {
      s = JSON.stringify(v) ?? String(v);
    } catch {
      s = String(v);
    }
  }
  return s.length > MAX_VALUE_CHARS ? `${s.slice(0, MAX_VALUE_CHARS - 1)}…` : s;
}

function typeOf(v: unknown): AttributeRow["valueType"] {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  const t = typeof v;
  return t === "string" || t === "number" || t === "boolean" ? t : "object";
}

function asObject(v: unknown): Json | null {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Json) : null;
}

function stringMap(v: unknown): Record<string, string> {
  const o = asObject(v);
  const out: Record<string, string> = {};
  if (o) for (const [k, s] of Object.entries(o)) if (typeof s === "string") out[k] = s;
  return out;
}

function stringOrNull(v: unknown): string | null {
  return typeof v === "string" ? v : null;
}

function arrayOf(v: unknown): Json[] {
  return Array.isArray(v) ? v.map(asObject).filter((x): x is Json => x !== null) : [];
}

function count(v: unknown): number {
  return typeof v === "number" && Number.isFinite(v) ? v : 0;
}
