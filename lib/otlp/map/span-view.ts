import type { AttrValue, Attributes, OtlpSpan } from "../span-model";
import { prefixedKey } from "./prefixed-key";

/** A Sightline field's value and the attribute(s) it was read from. */
export interface Found<T> {
  value: T;
  /** What the mapping inspector shows: an attribute key, `resource.<key>`, `event:<name>` or a pattern. */
  from: string;
  /** Span attribute keys used up, when not just `from` (flattened lists). */
  consumed?: string[];
  /** The conversion dropped structure (output messages → text): keep the attributes' values too. */
  lossy?: boolean;
}

interface IntRange {
  min: number;
  max: number;
}

const TOKENS: IntRange = { min: 0, max: 1e9 };

/**
 * Typed, forgiving reads of a span's attributes for the family mappers. A value of the wrong
 * type is not mapped and leaves a warning; the attribute itself stays in `unmapped`.
 */
export class SpanView {
  readonly attrs: Attributes;
  readonly resource: Attributes;
  readonly warnings: string[] = [];
  private keys?: string[];
  private jsonCache?: Map<string, unknown>;

  constructor(readonly span: OtlpSpan) {
    this.attrs = span.attributes;
    this.resource = span.resource;
  }

  has(key: string): boolean {
    return this.attrs[key] !== undefined;
  }

  raw(key: string): AttrValue | undefined {
    return this.attrs[key];
  }

  /** A non-empty string (numbers are accepted as their decimal text: ids are often numeric). */
  string(key: string, max = 10_000, source: Attributes = this.attrs, label = key): Found<string> | undefined {
    const v = source[key];
    if (v === undefined || v === null || v === "") return undefined;
    const s = typeof v === "string" ? v : typeof v === "number" && Number.isFinite(v) ? String(v) : undefined;
    if (s === undefined) return this.wrongType(label, "a string", v);
    if (s.length > max) return this.wrongType(label, `at most ${max} characters`, `${s.length} characters`);
    return { value: s, from: label };
  }

  resourceString(key: string, max?: number): Found<string> | undefined {
    const v = this.resource[key];
    return v === undefined ? undefined : this.string(key, max, this.resource, prefixedKey("resource.", key));
  }

  /** An integer within range; decimal strings are accepted. */
  int(key: string, range: IntRange = TOKENS): Found<number> | undefined {
    const v = this.attrs[key];
    if (v === undefined || v === null || v === "") return undefined;
    const n = asInt(v);
    if (n === undefined || n < range.min || n > range.max) {
      return this.wrongType(key, `an integer from ${range.min} to ${range.max}`, v);
    }
    return { value: n, from: key };
  }

  /** A finite number within range; numeric strings are accepted. */
  number(key: string, min = 0, max = 1e6): Found<number> | undefined {
    const v = this.attrs[key];
    if (v === undefined || v === null || v === "") return undefined;
    const n = asNumber(v);
    if (n === undefined || n < min || n > max) return this.wrongType(key, `a number from ${min} to ${max}`, v);
    return { value: n, from: key };
  }

  bool(key: string): Found<boolean> | undefined {
    const v = this.attrs[key];
    if (v === undefined || v === null || v === "") return undefined;
    const b = asBool(v);
    if (b === undefined) return this.wrongType(key, "a boolean", v);
    return { value: b, from: key };
  }

  /** A structured value: JSON text is parsed (once), arrays and maps are taken as they are. */
  json(key: string): Found<unknown> | undefined {
    const v = this.attrs[key];
    if (v === undefined || v === null || v === "") return undefined;
    if (typeof v !== "string") return { value: v, from: key };
    const cache = (this.jsonCache ??= new Map());
    if (!cache.has(key)) cache.set(key, parseJson(v));
    return { value: cache.get(key), from: key };
  }

  /** Every attribute key, computed once (prefix scans need it). */
  allKeys(): string[] {
    return (this.keys ??= Object.keys(this.attrs));
  }

  /** `prefix.<rest>` attributes as `{rest: value}`. */
  prefixed(prefix: string): { key: string; rest: string; value: AttrValue }[] {
    const p = `${prefix}.`;
    const out: { key: string; rest: string; value: AttrValue }[] = [];
    for (const key of this.allKeys()) if (key.startsWith(p)) out.push({ key, rest: key.slice(p.length), value: this.attrs[key] });
    return out;
  }

  /**
   * Flattened lists such as `gen_ai.prompt.0.role` / `gen_ai.prompt.0.content` → rows in index
   * order: `[{role, content}]`, with the keys used.
   */
  indexed(prefix: string): { rows: Record<string, AttrValue>[]; keys: string[] } | undefined {
    if (!this.allKeys().some((k) => k.startsWith(`${prefix}.0.`))) return undefined;
    const byIndex = new Map<number, Record<string, AttrValue>>();
    const keys: string[] = [];
    for (const { key, rest, value } of this.prefixed(prefix)) {
      const m = /^(\d+)\.(.+)$/.exec(rest);
      if (!m) continue;
      const i = Number(m[1]);
      if (!byIndex.has(i)) byIndex.set(i, {});
      byIndex.get(i)![m[2]] = value;
      keys.push(key);
    }
    const rows = [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row);
    return { rows, keys };
  }

  private wrongType(key: string, expected: string, got: unknown): undefined {
    const shown = typeof got === "string" ? JSON.stringify(got.length > 60 ? `${got.slice(0, 60)}…` : got) : JSON.stringify(got);
    this.warnings.push(`${key}: expected ${expected}, got ${shown}; not mapped`);
    return undefined;
  }
}

export function asInt(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isInteger(v) ? v : undefined;
  if (typeof v === "string" && /^\s*-?\d+\s*$/.test(v)) return Number(v);
  return undefined;
}

export function asNumber(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v === "string" && v.trim() !== "") {
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

function asBool(v: unknown): boolean | undefined {
  if (typeof v === "boolean") return v;
  if (v === "true" || v === "1" || v === 1) return true;
  if (v === "false" || v === "0" || v === 0) return false;
  return undefined;
}

/** JSON text → value; text that is not JSON stays text. */
export function parseJson(s: string): unknown {
  const c = s.trimStart()[0];
  if (c !== "{" && c !== "[" && c !== '"') return s;
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}
