import { MAX_TEXT_CHARS } from "@/lib/ingest/limits";
import type { AttrValue, Attributes, OtlpSpan } from "./span-model";

/**
 * Size limits of an OTLP span (docs/api.md → "Limits"). Depth is bounded while decoding
 * (values.ts: deeper than 16 levels becomes null, with a warning); sizes are checked here, on
 * the decoded span, so a span over them is rejected on its own (partialSuccess), never the export.
 * Sizes are characters: a string's length, or the JSON length of an array or key-value list.
 */
export const MAX_ATTRIBUTE_VALUE_CHARS = MAX_TEXT_CHARS;
/** Name, status message and every attribute value of the span, its events and its links, together. */
export const MAX_SPAN_CHARS = 4 * MAX_TEXT_CHARS;
/** A resource's (or instrumentation scope's) attributes together (stored once per distinct one, shown with each span). */
export const MAX_RESOURCE_CHARS = 64 * 1024;

export function valueChars(v: AttrValue): number {
  if (typeof v === "string") return v.length;
  if (v === null || typeof v !== "object") return 8;
  return JSON.stringify(v).length;
}

/** Why these attributes break the limits (`total` bounds them together), or null; adds their size to `sum`. */
function attributesProblem(attrs: Attributes, where: string, total: number, sum: { n: number }): string | null {
  for (const key in attrs) {
    const n = valueChars(attrs[key]);
    if (n > MAX_ATTRIBUTE_VALUE_CHARS) return `${where}${key} is ${n} characters, more than the ${MAX_ATTRIBUTE_VALUE_CHARS} an attribute value may hold`;
    sum.n += key.length + n;
    if (sum.n > total) return `${where.replace(/\.$/, "") || "attributes"}: more than ${total} characters of attributes`;
  }
  return null;
}

export function resourceProblem(attrs: Attributes, where: "resource" | "scope"): string | null {
  return attributesProblem(attrs, `${where}.`, MAX_RESOURCE_CHARS, { n: 0 });
}

export function spanProblem(span: OtlpSpan): string | null {
  const sum = { n: span.name.length + (span.statusMessage?.length ?? 0) };
  if (sum.n > MAX_SPAN_CHARS) return `name and status message: more than ${MAX_SPAN_CHARS} characters`;
  const over = `the span: more than ${MAX_SPAN_CHARS} characters of name, status message and attributes together`;
  const checks: [Attributes, string][] = [[span.attributes, "attributes."]];
  span.events.forEach((e, i) => {
    sum.n += e.name.length;
    checks.push([e.attributes, `events.${i}.attributes.`]);
  });
  span.links.forEach((l, i) => l.attributes && checks.push([l.attributes, `links.${i}.attributes.`]));
  for (const [attrs, where] of checks) {
    const problem = attributesProblem(attrs, where, MAX_SPAN_CHARS, sum);
    if (problem) return problem.includes("more than " + MAX_SPAN_CHARS) ? over : problem;
  }
  return sum.n > MAX_SPAN_CHARS ? over : null;
}
