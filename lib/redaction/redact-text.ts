import { createHmac } from "node:crypto";
import { DETECTORS, textFacts, type RedactionKind } from "./detectors";

import { REDACTION_MODES } from "@/db/schema/project-setting";

export { REDACTION_MODES };
export type RedactionMode = (typeof REDACTION_MODES)[number];

export interface RedactionOptions {
  mode: RedactionMode;
  /**
   * Key for `hash` mode. Keyed (HMAC) so nobody holding the database can confirm a guessed
   * phone number or e-mail by hashing it; equal values still hash alike, so an analyst can
   * tell that two events came from the same address.
   */
  hashKey?: string;
}

export type RedactionCounts = Partial<Record<RedactionKind, number>>;

interface Span {
  start: number;
  end: number;
  kind: RedactionKind;
}

function findSpans(text: string): Span[] {
  const spans: Span[] = [];
  const facts = textFacts(text);
  for (const d of DETECTORS) {
    if (!d.mayContain(text, facts)) continue;
    d.pattern.lastIndex = 0;
    for (const m of text.matchAll(d.pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (m[0].length === 0) continue;
      if (spans.some((s) => start < s.end && end > s.start)) continue;
      if (d.accept && !d.accept(m[0])) continue;
      spans.push({ start, end, kind: d.kind });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

function replacement(kind: RedactionKind, value: string, opts: RedactionOptions): string {
  if (opts.mode === "hash") {
    const digest = createHmac("sha256", opts.hashKey ?? "").update(`${kind}:${value}`).digest("hex").slice(0, 12);
    return `[${kind}:${digest}]`;
  }
  return `[redacted:${kind}]`;
}

/** Redacts one string, adding what it found to `counts`. Mode `off` returns the text untouched. */
export function redactText(text: string, opts: RedactionOptions, counts: RedactionCounts = {}): string {
  if (opts.mode === "off" || text.length < 5) return text;
  const spans = findSpans(text);
  if (spans.length === 0) return text;
  let out = "";
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + replacement(s.kind, text.slice(s.start, s.end), opts);
    at = s.end;
    counts[s.kind] = (counts[s.kind] ?? 0) + 1;
  }
  return out + text.slice(at);
}

/**
 * Redacts every string inside a JSON-like value (objects, arrays), and integers long enough to
 * be card or phone numbers. Keys are kept: they name fields, they are not user data.
 */
export function redactValue<T>(value: T, opts: RedactionOptions, counts: RedactionCounts = {}): T {
  if (opts.mode === "off") return value;
  return walk(value, opts, counts) as T;
}

function walk(v: unknown, opts: RedactionOptions, counts: RedactionCounts): unknown {
  if (typeof v === "string") return redactText(v, opts, counts);
  if (typeof v === "number") {
    if (!Number.isSafeInteger(v) || Math.abs(v) < 1e9) return v;
    const s = String(v);
    const r = redactText(s, opts, counts);
    return r === s ? v : r;
  }
  if (Array.isArray(v)) return v.map((x) => walk(x, opts, counts));
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = walk(x, opts, counts);
    return out;
  }
  return v;
}

export function totalRedactions(counts: RedactionCounts): number {
  return Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
}
