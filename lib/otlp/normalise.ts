import { ValidationError } from "@/lib/api/errors";
import { normaliseId } from "./ids";
import type { Attributes, DecodedBatch, OtlpLink, OtlpScope, OtlpSpan, OtlpSpanEvent, SpanRejection } from "./span-model";
import { resourceProblem, spanProblem } from "./span-limits";
import { keyValuesToJson, nanosToMs, toBigInt } from "./values";

/**
 * ExportTraceServiceRequest (as decoded from protobuf, or parsed from OTLP/JSON: both use the
 * same lowerCamelCase field names) → normalised spans. A span that cannot be an event (no ids,
 * no times) is rejected on its own; only a request whose envelope is not OTLP at all is a 400.
 */
export function normaliseRequest(request: unknown): DecodedBatch {
  const out: DecodedBatch = { spans: [], rejected: [], total: 0 };
  if (!isObject(request)) throw envelopeError("body", "must be an ExportTraceServiceRequest object");
  const resourceSpans = list(request.resourceSpans, "resourceSpans");
  resourceSpans.forEach((rs, r) => {
    if (!isObject(rs)) throw envelopeError(`resourceSpans.${r}`, "must be an object");
    const resourceWarnings: string[] = [];
    const resource = isObject(rs.resource) ? keyValuesToJson(rs.resource.attributes, "resource", resourceWarnings) : {};
    // A resource over its limits costs its own spans, not the export's others.
    const resourceTooLarge = resourceProblem(resource, "resource");
    // `instrumentationLibrarySpans` / `instrumentationLibrary`: the names before OTLP 0.15
    // (2021), still sent by some old JSON exporters.
    const scopeSpans = rs.scopeSpans ?? rs.instrumentationLibrarySpans;
    list(scopeSpans, `resourceSpans.${r}.scopeSpans`).forEach((ss, s) => {
      if (!isObject(ss)) throw envelopeError(`resourceSpans.${r}.scopeSpans.${s}`, "must be an object");
      const scope = scopeOf(ss.scope ?? ss.instrumentationLibrary, resourceWarnings);
      const tooLarge = resourceTooLarge ?? (scope.attributes ? resourceProblem(scope.attributes, "scope") : null);
      list(ss.spans, `resourceSpans.${r}.scopeSpans.${s}.spans`).forEach((raw) => {
        const index = out.total++;
        const result = tooLarge ? { index, reason: tooLarge } : spanOf(raw, index, resource, scope);
        if ("reason" in result) out.rejected.push(result);
        else {
          if (resourceWarnings.length) result.warnings.unshift(...resourceWarnings);
          out.spans.push(result);
        }
      });
    });
  });
  return out;
}

function spanOf(raw: unknown, index: number, resource: Attributes, scope: OtlpScope): OtlpSpan | SpanRejection {
  if (!isObject(raw)) return { index, reason: "span is not an object" };
  const warnings: string[] = [];
  const trace = normaliseId(raw.traceId, 16);
  const span = normaliseId(raw.spanId, 8);
  const traceId = trace.ok ? trace.hex : undefined;
  const spanId = span.ok ? span.hex : undefined;
  if (!trace.ok) return { index, spanId, reason: `traceId ${trace.detail}` };
  if (!span.ok) return { index, traceId, reason: `spanId ${span.detail}` };
  if (trace.warning) warnings.push(`traceId ${trace.warning}`);
  if (span.warning) warnings.push(`spanId ${span.warning}`);

  let parentSpanId: string | undefined;
  const parent = normaliseId(raw.parentSpanId, 8);
  if (parent.ok) {
    parentSpanId = parent.hex;
    if (parent.warning) warnings.push(`parentSpanId ${parent.warning}`);
  } else if (parent.reason === "invalid") {
    warnings.push(`parentSpanId ${parent.detail}; the span is kept as a root span`);
  }

  const start = toBigInt(raw.startTimeUnixNano);
  const end = toBigInt(raw.endTimeUnixNano);
  if (start === undefined || start <= 0n) return { index, traceId, spanId, reason: "startTimeUnixNano missing or not a positive integer" };
  if (end === undefined || end <= 0n) return { index, traceId, spanId, reason: "endTimeUnixNano missing or not a positive integer" };
  if (end < start) return { index, traceId, spanId, reason: "endTimeUnixNano is before startTimeUnixNano" };

  const status = isObject(raw.status) ? raw.status : {};
  const statusCode = enumOf(status.code, STATUS_CODES);
  const kind = enumOf(raw.kind, SPAN_KINDS);
  const name = typeof raw.name === "string" ? raw.name : "";
  if (typeof raw.name !== "string" && raw.name !== undefined) warnings.push("name is not a string");

  const result: OtlpSpan = {
    traceId: trace.hex,
    spanId: span.hex,
    parentSpanId,
    name,
    kind,
    startMs: nanosToMs(start),
    durationMs: nanosToMs(end - start),
    statusCode,
    statusMessage: typeof status.message === "string" && status.message !== "" ? status.message : undefined,
    attributes: keyValuesToJson(raw.attributes, "attributes", warnings),
    events: list(raw.events, "events", warnings).map((e, i) => eventOf(e, i, warnings)),
    links: list(raw.links, "links", warnings).map((l, i) => linkOf(l, i, warnings)),
    resource,
    scope,
    warnings,
  };
  const dropped = {
    attributes: count(raw.droppedAttributesCount),
    events: count(raw.droppedEventsCount),
    links: count(raw.droppedLinksCount),
  };
  if (dropped.attributes || dropped.events || dropped.links) result.dropped = dropped;
  const problem = spanProblem(result);
  return problem ? { index, traceId: result.traceId, spanId: result.spanId, reason: problem } : result;
}

function eventOf(raw: unknown, i: number, warnings: string[]): OtlpSpanEvent {
  if (!isObject(raw)) {
    warnings.push(`events.${i}: not an object`);
    return { name: "", attributes: {} };
  }
  const time = toBigInt(raw.timeUnixNano);
  return {
    name: typeof raw.name === "string" ? raw.name : "",
    timeMs: time !== undefined && time > 0n ? nanosToMs(time) : undefined,
    attributes: keyValuesToJson(raw.attributes, `events.${i}`, warnings),
  };
}

function linkOf(raw: unknown, i: number, warnings: string[]): OtlpLink {
  if (!isObject(raw)) return {};
  const t = normaliseId(raw.traceId, 16);
  const s = normaliseId(raw.spanId, 8);
  const attributes = keyValuesToJson(raw.attributes, `links.${i}`, warnings);
  return {
    traceId: t.ok ? t.hex : undefined,
    spanId: s.ok ? s.hex : undefined,
    ...(Object.keys(attributes).length ? { attributes } : {}),
  };
}

function scopeOf(raw: unknown, warnings: string[]): OtlpScope {
  if (!isObject(raw)) return {};
  const scope: OtlpScope = {};
  if (typeof raw.name === "string" && raw.name) scope.name = raw.name;
  if (typeof raw.version === "string" && raw.version) scope.version = raw.version;
  const attributes = keyValuesToJson(raw.attributes, "scope", warnings);
  if (Object.keys(attributes).length) scope.attributes = attributes;
  return scope;
}

const SPAN_KINDS = ["SPAN_KIND_UNSPECIFIED", "SPAN_KIND_INTERNAL", "SPAN_KIND_SERVER", "SPAN_KIND_CLIENT", "SPAN_KIND_PRODUCER", "SPAN_KIND_CONSUMER"];
const STATUS_CODES = ["STATUS_CODE_UNSET", "STATUS_CODE_OK", "STATUS_CODE_ERROR"];

/** OTLP/JSON requires enums as integers; the names are accepted too, being unambiguous. */
function enumOf(v: unknown, names: string[]): number {
  if (typeof v === "number" && Number.isInteger(v) && v >= 0 && v < names.length) return v;
  if (typeof v === "string") {
    const i = names.indexOf(v);
    if (i >= 0) return i;
  }
  return 0;
}

function count(v: unknown): number | undefined {
  const n = typeof v === "number" ? v : undefined;
  return n && n > 0 ? n : undefined;
}

function list(v: unknown, path: string, warnings?: string[]): unknown[] {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v;
  if (warnings) {
    warnings.push(`${path}: expected a list`);
    return [];
  }
  throw envelopeError(path, "must be an array");
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function envelopeError(path: string, message: string) {
  return new ValidationError(`Body is not an OTLP ExportTraceServiceRequest: ${path} ${message}`, [{ path, message }]);
}
