import { providerFamily } from "@/lib/pricing/provider";
import type { Family, MappedFields } from "./family";
import type { MappingRecord } from "./mapping-record";
import type { SpanView } from "./span-view";

/**
 * How a convention counts a provider's usage, when it differs from Sightline's pinned
 * semantics (input includes cache, output includes reasoning — docs/api.md):
 * - `inputExcludesCache`: the input count leaves cache reads and writes out (Anthropic's API);
 * - `outputExcludesReasoning`: the output count leaves reasoning out (Gemini's API);
 * - `additive`: every detail is its own bucket, outside input and output (Langfuse).
 */
export interface UsageCounting {
  inputExcludesCache?: boolean;
  outputExcludesReasoning?: boolean;
  additive?: boolean;
}

export type UsageField =
  | "cacheReadInputTokens" | "cacheCreationInputTokens" | "cacheCreation5mInputTokens" | "cacheCreation1hInputTokens"
  | "reasoningTokens" | "audioInputTokens" | "audioOutputTokens" | "imageInputTokens" | "imageOutputTokens";

export const USAGE_FIELDS: UsageField[] = [
  "cacheReadInputTokens", "cacheCreationInputTokens", "cacheCreation5mInputTokens", "cacheCreation1hInputTokens",
  "reasoningTokens", "audioInputTokens", "audioOutputTokens", "imageInputTokens", "imageOutputTokens",
];

const INPUT_PARTS: UsageField[] = ["cacheReadInputTokens", "cacheCreationInputTokens", "audioInputTokens", "imageInputTokens"];
const OUTPUT_PARTS: UsageField[] = ["reasoningTokens", "audioOutputTokens", "imageOutputTokens"];

/**
 * Brings a span's token counts to the pinned semantics. The family that supplied `inputTokens`
 * says how it counts for the span's provider; and whatever it says, a count smaller than its
 * own details can only have left them out, so they are added (a safety net for conventions
 * whose counting varies between versions). Each adjustment is named in the provenance.
 */
export function normaliseUsage(m: Partial<MappedFields>, inputFamily: Family | undefined, view: SpanView, rec: MappingRecord): void {
  const provider = providerFamily(m.provider ?? m.model ?? null);
  const counting = inputFamily?.usageCounting?.(view, provider) ?? {};
  // A lifetime split without the total: the total is the sum of the lifetimes.
  if (m.cacheCreationInputTokens === undefined && (m.cacheCreation5mInputTokens !== undefined || m.cacheCreation1hInputTokens !== undefined)) {
    m.cacheCreationInputTokens = (m.cacheCreation5mInputTokens ?? 0) + (m.cacheCreation1hInputTokens ?? 0);
    rec.note("cacheCreationInputTokens", `${rec.mapped.cacheCreation5mInputTokens ?? ""} + ${rec.mapped.cacheCreation1hInputTokens ?? ""}`);
  }
  const sum = (fields: UsageField[]) => fields.reduce((a, f) => a + (m[f] ?? 0), 0);
  const cache = (m.cacheReadInputTokens ?? 0) + (m.cacheCreationInputTokens ?? 0);
  if (m.inputTokens !== undefined) {
    const parts = counting.additive ? sum(INPUT_PARTS) : counting.inputExcludesCache ? cache : 0;
    const add = parts > 0 ? parts : m.inputTokens < cache ? cache : 0;
    if (add > 0) {
      const why = counting.additive ? "its details are separate buckets" : counting.inputExcludesCache ? `${provider} counts input without cache` : "input was smaller than its cache tokens";
      rec.note("inputTokens", `${rec.mapped.inputTokens} + ${counting.additive ? "input details" : "cache read + cache write"} (${why})`);
      m.inputTokens += add;
    }
  }
  if (m.outputTokens !== undefined) {
    const reasoning = m.reasoningTokens ?? 0;
    const parts = counting.additive ? sum(OUTPUT_PARTS) : counting.outputExcludesReasoning ? reasoning : 0;
    const add = parts > 0 ? parts : m.outputTokens < reasoning ? reasoning : 0;
    if (add > 0) {
      const why = counting.additive ? "its details are separate buckets" : counting.outputExcludesReasoning ? `${provider} counts output without reasoning` : "output was smaller than its reasoning tokens";
      rec.note("outputTokens", `${rec.mapped.outputTokens} + ${counting.additive ? "output details" : "reasoning"} (${why})`);
      m.outputTokens += add;
    }
  }
  dropInconsistent(m, rec, view);
}

/** Details still above their totals (a total missing, or conflicting reports) are not mapped: the event would be rejected. */
function dropInconsistent(m: Partial<MappedFields>, rec: MappingRecord, view: SpanView): void {
  const drop = (f: UsageField, why: string) => {
    view.warnings.push(`${rec.mapped[f] ?? f}: ${why}; not mapped`);
    rec.drop(f);
    m[f] = undefined;
  };
  for (const f of INPUT_PARTS) if (m[f] !== undefined && (m.inputTokens === undefined || m[f]! > m.inputTokens)) drop(f, "no input count to be part of");
  for (const f of OUTPUT_PARTS) if (m[f] !== undefined && (m.outputTokens === undefined || m[f]! > m.outputTokens)) drop(f, "no output count to be part of");
  const write = m.cacheCreationInputTokens;
  if ((m.cacheCreation5mInputTokens ?? 0) + (m.cacheCreation1hInputTokens ?? 0) > (write ?? 0)) {
    for (const f of ["cacheCreation5mInputTokens", "cacheCreation1hInputTokens"] as const) if (m[f] !== undefined) drop(f, "more than the cache writes");
  }
  if (m.inputTokens !== undefined && (m.cacheReadInputTokens ?? 0) + (write ?? 0) > m.inputTokens && write !== undefined) {
    drop("cacheCreationInputTokens", "cache reads and writes exceed the input count");
    for (const f of ["cacheCreation5mInputTokens", "cacheCreation1hInputTokens"] as const) if (m[f] !== undefined) drop(f, "no cache write count");
  }
}
