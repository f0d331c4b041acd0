import { rowsToMessages, toOutput, type ChatMessage } from "./messages";
import type { Found, SpanView } from "./span-view";
import type { UsageCounting } from "./usage-counting";

/** The Sightline fields that attributes can fill, with their value types. */
export interface MappedFields {
  model: string;
  modelVersion: string;
  environment: string;
  userId: string;
  sessionId: string;
  promptId: string;
  promptVersion: number;
  inputTokens: number;
  outputTokens: number;
  /** Usage details (docs/api.md): normalised to the pinned semantics by usage-counting.ts. */
  cacheReadInputTokens: number;
  cacheCreationInputTokens: number;
  cacheCreation5mInputTokens: number;
  cacheCreation1hInputTokens: number;
  reasoningTokens: number;
  audioInputTokens: number;
  audioOutputTokens: number;
  imageInputTokens: number;
  imageOutputTokens: number;
  /** Used only to derive a missing input or output count (total − the other). */
  totalTokens: number;
  costUsd: number;
  input: string | ChatMessage[];
  output: string;
  hallucinationFlagged: boolean;
  hallucinationScore: number;
  hallucinationSource: string;
  tags: string[];
  /** Not a column: kept as `metadata.provider` so the provider is never lost. */
  provider: string;
}

export type FieldName = keyof MappedFields;
export type Extractors = { [F in FieldName]?: (s: SpanView) => Found<MappedFields[F]> | undefined };

export interface Classification {
  type: "llm" | "span";
  from: string;
}

export interface MetadataEntry {
  key: string;
  value: unknown;
  from: string;
}

/**
 * One instrumentation convention. Families are asked in precedence order (map-span.ts): for
 * each field the first family that yields a valid value wins.
 */
export interface Family {
  name: string;
  /**
   * First segments of the attribute keys the family reads (`gen_ai` for `gen_ai.*`), so that
   * a span is only shown to the families it has attributes of; `*` means always.
   */
  namespaces: string[];
  /** Whether this family's own markers say the span is an LLM call or a plain span. */
  classify?(s: SpanView): Classification | undefined;
  fields: Extractors;
  /** How this family's input and output counts relate to their details, for a provider (lib/otlp/map/usage-counting.ts). */
  usageCounting?(s: SpanView, provider: string | null): UsageCounting;
  /** Free-form metadata this family carries (association properties, telemetry metadata …). */
  metadata?(s: SpanView): MetadataEntry[];
}

/** `prefix.<key>` attributes and a JSON object under `prefix` itself → metadata entries. */
export function metadataUnder(s: SpanView, prefix: string, rename: (rest: string) => string = (r) => r): MetadataEntry[] {
  const out: MetadataEntry[] = [];
  const whole = s.json(prefix);
  if (whole && typeof whole.value === "object" && whole.value !== null && !Array.isArray(whole.value)) {
    for (const [k, v] of Object.entries(whole.value)) out.push({ key: rename(k), value: v, from: prefix });
  }
  for (const { key, rest, value } of s.prefixed(prefix)) out.push({ key: rename(rest), value, from: key });
  return out;
}

/** A found raw value converted by `fn`; undefined when the conversion yields nothing. */
export function mapValue<T>(found: Found<unknown> | undefined, fn: (v: unknown) => T | undefined): Found<T> | undefined {
  if (!found) return undefined;
  const value = fn(found.value);
  return value === undefined ? undefined : { value, from: found.from, consumed: found.consumed };
}

/** `output` from a value: text stays text; structured messages become their text (lossy). */
export function outputOf(found: Found<unknown> | undefined): Found<string> | undefined {
  const out = mapValue(found, toOutput);
  if (out && typeof found!.value !== "string") out.lossy = true;
  return out;
}

/**
 * Flattened message lists (`gen_ai.prompt.0.role`, `llm.completions.0.content`) → messages.
 * With `roleAndContentOnly`, only those keys are used up (an output keeps finish_reason etc.
 * visible as unmapped, since the output field holds only the text).
 */
export function flattenedMessages(s: SpanView, prefix: string, roleAndContentOnly = false): Found<ChatMessage[]> | undefined {
  const rows = s.indexed(prefix);
  const msgs = rows && rowsToMessages(rows.rows);
  if (!msgs) return undefined;
  const consumed = roleAndContentOnly ? rows!.keys.filter((k) => /\.\d+\.(role|content)$/.test(k)) : rows!.keys;
  return { value: msgs, from: `${prefix}.*`, consumed };
}
