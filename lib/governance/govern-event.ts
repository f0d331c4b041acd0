import { detectInjectionIn } from "@/lib/injection/detect-injection";
import { redactValue, totalRedactions, type RedactionCounts } from "@/lib/redaction/redact-text";
import type { IngestPolicy } from "./ingest-policy";

/**
 * Fields that carry free text or user data, redacted when the project asks for it. Ids, model
 * and prompt names, numbers and enums are left alone: they are the customer's own identifiers
 * (userId should be a pseudonymous id; docs/security.md says so).
 */
const CONTENT_FIELDS = ["input", "output", "context", "errorMessage", "metadata", "tags", "features", "prediction"] as const;

function texts(v: unknown, out: string[]): string[] {
  if (typeof v === "string") out.push(v);
  else if (Array.isArray(v)) for (const x of v) texts(x, out);
  else if (v && typeof v === "object") for (const x of Object.values(v)) texts(x, out);
  return out;
}

export interface Governed {
  /** Counts per kind, only when something was redacted. */
  redactions?: RedactionCounts;
  /** The injection rule that matched the input or retrieved context. */
  injection?: string;
}

/**
 * Runs before anything is stored, on both ingest paths: flags prompt-injection attempts in an
 * LLM call's input and context (on the text as sent), then redacts personal data from the
 * content fields and from `extra` (OTLP provenance, which holds the span's raw attributes).
 * Mutates `event` and returns what to add to the stored body.
 */
export function governEvent(event: Record<string, unknown>, extra: Record<string, unknown> | undefined, policy: IngestPolicy): { extra: Record<string, unknown> | undefined; governed: Governed } {
  const governed: Governed = {};
  if (event.type === "llm") {
    const hit = detectInjectionIn(texts([event.input, event.context], []));
    if (hit.flagged) governed.injection = hit.rule!;
  }
  if (policy.redaction.mode === "off") return { extra, governed };
  const counts: RedactionCounts = {};
  for (const f of CONTENT_FIELDS) if (event[f] !== undefined) event[f] = redactValue(event[f], policy.redaction, counts);
  const redactedExtra = extra ? redactValue(extra, policy.redaction, counts) : extra;
  if (totalRedactions(counts) > 0) governed.redactions = counts;
  return { extra: redactedExtra, governed };
}

/** Merges what governEvent found into the extra fields stored with the event. */
export function withGoverned(extra: Record<string, unknown> | undefined, g: Governed): Record<string, unknown> | undefined {
  if (!g.redactions && !g.injection) return extra;
  return { ...extra, ...(g.injection ? { injection: g.injection } : {}), ...(g.redactions ? { redactions: g.redactions } : {}) };
}
