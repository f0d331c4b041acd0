import type { AttrValue, Attributes } from "./span-model";

/**
 * Conversions shared by both decoders. protobufjs hands int64 fields over as `Long` objects
 * (or numbers when `long` is not loadable, as inside a bundle); OTLP/JSON carries them as
 * decimal strings or numbers. Everything ends up as a bigint (times) or a JSON value (attributes).
 */
interface LongLike {
  low: number;
  high: number;
  unsigned?: boolean;
}

const DECIMAL = /^-?\d+$/;
const MAX_DEPTH = 16;

function isLong(v: unknown): v is LongLike {
  return typeof v === "object" && v !== null && typeof (v as LongLike).low === "number" && typeof (v as LongLike).high === "number";
}

/** An int64/uint64/fixed64 field as a bigint; undefined when absent or not an integer. */
export function toBigInt(v: unknown): bigint | undefined {
  if (typeof v === "bigint") return v;
  if (typeof v === "number") return Number.isFinite(v) ? BigInt(Math.trunc(v)) : undefined;
  if (typeof v === "string") return DECIMAL.test(v) ? BigInt(v) : undefined;
  if (isLong(v)) {
    const high = v.unsigned ? v.high >>> 0 : v.high;
    return (BigInt(high) << 32n) | BigInt(v.low >>> 0);
  }
  return undefined;
}

/** An integer attribute value: a number when it is exactly representable, else its decimal string. */
function intValue(v: unknown): number | string | undefined {
  if (typeof v === "number") {
    if (!Number.isInteger(v)) return undefined;
    return Number.isSafeInteger(v) ? v : BigInt(v).toString(); // as the protobuf path renders it
  }
  if (isLong(v) && v.high === (v.low >> 31) && !v.unsigned) return v.low; // fits in 32 bits
  const b = toBigInt(v);
  if (b === undefined) return undefined;
  return b <= BigInt(Number.MAX_SAFE_INTEGER) && b >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(b) : b.toString();
}

/** Nanoseconds since the epoch → milliseconds with microsecond precision. */
export function nanosToMs(ns: bigint): number {
  return Number(ns / 1000n) / 1000;
}

function bytesToBase64(v: unknown): string | undefined {
  if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("base64");
  if (typeof v === "string") return v; // OTLP/JSON already carries bytes as base64
  return undefined;
}

interface AnyValueLike {
  stringValue?: unknown;
  boolValue?: unknown;
  intValue?: unknown;
  doubleValue?: unknown;
  arrayValue?: { values?: unknown } | null;
  kvlistValue?: { values?: unknown } | null;
  bytesValue?: unknown;
}

/**
 * OTLP AnyValue → JSON value. Values of the wrong type (an `intValue` of "abc") are kept as
 * they came, with a warning: the attribute is never lost, it is just not trusted for mapping.
 */
function anyValueToJson(v: unknown, where: string, warnings: string[], depth = 0): AttrValue {
  if (v === null || v === undefined || typeof v !== "object") {
    if (v !== undefined && v !== null) warnings.push(`${where}: value is not an AnyValue object`);
    return v === undefined ? null : (v as AttrValue);
  }
  const a = v as AnyValueLike;
  if (a.stringValue != null) {
    if (typeof a.stringValue === "string") return a.stringValue;
    warnings.push(`${where}: stringValue is not a string`);
    return plain(a.stringValue);
  }
  if (a.boolValue != null) {
    if (typeof a.boolValue === "boolean") return a.boolValue;
    warnings.push(`${where}: boolValue is not a boolean`);
    return plain(a.boolValue);
  }
  if (a.intValue != null) {
    const n = intValue(a.intValue);
    if (n !== undefined) return n;
    warnings.push(`${where}: intValue is not an integer`);
    return plain(a.intValue);
  }
  if (a.doubleValue != null) {
    if (typeof a.doubleValue === "number") return a.doubleValue;
    // OTLP/JSON allows "NaN", "Infinity" and decimal strings for doubles.
    if (typeof a.doubleValue === "string" && a.doubleValue.trim() !== "" && !Number.isNaN(Number(a.doubleValue))) {
      return Number(a.doubleValue);
    }
    if (a.doubleValue !== "NaN") warnings.push(`${where}: doubleValue is not a number`);
    return plain(a.doubleValue);
  }
  if (depth >= MAX_DEPTH) {
    warnings.push(`${where}: nested deeper than ${MAX_DEPTH} levels, kept as null`);
    return null;
  }
  if (a.arrayValue != null) {
    const values = listOf(a.arrayValue.values, `${where}.arrayValue`, warnings);
    return values.map((x, i) => anyValueToJson(x, `${where}[${i}]`, warnings, depth + 1));
  }
  if (a.kvlistValue != null) {
    return keyValuesToJson(a.kvlistValue.values, where, warnings, depth + 1);
  }
  if (a.bytesValue != null) {
    const b = bytesToBase64(a.bytesValue);
    if (b !== undefined) return b;
    warnings.push(`${where}: bytesValue is not bytes`);
    return plain(a.bytesValue);
  }
  return null; // an empty AnyValue is legal and means "no value"
}

/** A repeated KeyValue → object. Later duplicates win, as in most SDKs. */
export function keyValuesToJson(list: unknown, where: string, warnings: string[], depth = 0): Attributes {
  const out: Attributes = {};
  const items = listOf(list, where, warnings);
  for (let i = 0; i < items.length; i++) {
    const kv = items[i] as { key?: unknown; value?: unknown } | null;
    if (!kv || typeof kv !== "object" || typeof kv.key !== "string" || kv.key === "") {
      warnings.push(`${where}[${i}]: attribute without a string key ignored`);
      continue;
    }
    out[kv.key] = anyValueToJson(kv.value, `${where === "attributes" ? "" : `${where}.`}${kv.key}`, warnings, depth);
  }
  return out;
}

function listOf(v: unknown, where: string, warnings: string[]): unknown[] {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v;
  warnings.push(`${where}: expected a list`);
  return [];
}

/** Best effort for values of the wrong type, so that they can still be stored as JSON. */
function plain(v: unknown): AttrValue {
  if (typeof v === "bigint") return v.toString();
  if (isLong(v)) return toBigInt(v)!.toString();
  if (v instanceof Uint8Array) return bytesToBase64(v)!;
  try {
    return JSON.parse(JSON.stringify(v)) as AttrValue;
  } catch {
    return String(v);
  }
}
