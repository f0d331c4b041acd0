/**
 * One span model for both OTLP encodings: the decoders (JSON and protobuf) produce this, the
 * attribute mappers read only this. Attribute values are plain JSON values, so whatever is not
 * mapped can be stored as it came.
 */
export type AttrValue = string | number | boolean | null | AttrValue[] | { [key: string]: AttrValue };
export type Attributes = Record<string, AttrValue>;

export interface OtlpScope {
  name?: string;
  version?: string;
  attributes?: Attributes;
}

export interface OtlpSpanEvent {
  name: string;
  /** Epoch milliseconds (µs precision). */
  timeMs?: number;
  attributes: Attributes;
}

export interface OtlpLink {
  traceId?: string;
  spanId?: string;
  attributes?: Attributes;
}

export interface OtlpSpan {
  /** Lowercase hex, 32 chars. */
  traceId: string;
  /** Lowercase hex, 16 chars. */
  spanId: string;
  parentSpanId?: string;
  name: string;
  /** OTLP SpanKind number: 0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number;
  /** Epoch milliseconds of the start (µs precision). */
  startMs: number;
  /** end − start in milliseconds, computed on the nanosecond integers (µs precision). */
  durationMs: number;
  /** OTLP status code: 0 unset, 1 ok, 2 error. */
  statusCode: number;
  statusMessage?: string;
  attributes: Attributes;
  events: OtlpSpanEvent[];
  links: OtlpLink[];
  resource: Attributes;
  scope: OtlpScope;
  /** Counts the exporter reported as dropped before sending, when non-zero. */
  dropped?: { attributes?: number; events?: number; links?: number };
  /** Problems found while decoding that did not make the span unusable (kept in provenance). */
  warnings: string[];
}

/** A span that could not be turned into an event, with the reason given back in partialSuccess. */
export interface SpanRejection {
  /** Position in request order, counting every span of every scope of every resource. */
  index: number;
  traceId?: string;
  spanId?: string;
  reason: string;
}

export interface DecodedBatch {
  spans: OtlpSpan[];
  rejected: SpanRejection[];
  /** Total spans in the request, accepted or not. */
  total: number;
}

export const SPAN_KIND_NAMES = ["unspecified", "internal", "server", "client", "producer", "consumer"] as const;
