import type { Rubric, RubricValue, RubricValues } from "./rubric";

/**
 * An item's label per field: the adjudicated (final) values when there are some, otherwise the value
 * all current verdicts agree on. A field on which reviewers disagree has no label until adjudicated.
 * Text fields are never compared (two wordings of the same correction are not a disagreement); the
 * consensus of a text field is the single verdict's value when there is one.
 */
export function consensusLabel(rubric: Rubric, verdicts: readonly RubricValues[], final: RubricValues | null): RubricValues | null {
  if (final) return final;
  if (verdicts.length === 0) return null;
  const out: RubricValues = {};
  for (const field of rubric) {
    const given = verdicts.map((v) => v[field.key]).filter((v): v is RubricValue => v !== undefined);
    if (given.length === 0) continue;
    if (field.type === "text") {
      if (given.length === 1) out[field.key] = given[0];
      continue;
    }
    if (given.every((v) => v === given[0])) out[field.key] = given[0];
  }
  return out;
}

/** Non-text fields on which the given verdicts differ; an item with any goes to adjudication. */
export function disagreeingFields(rubric: Rubric, verdicts: readonly RubricValues[]): string[] {
  if (verdicts.length < 2) return [];
  return rubric
    .filter((f) => f.type !== "text")
    .filter((f) => {
      const given = verdicts.map((v) => v[f.key]);
      return given.some((v) => v !== given[0]);
    })
    .map((f) => f.key);
}

/** Whether a reviewer's verdict matches a gold label on every non-text field the gold label sets. */
export function matchesGold(rubric: Rubric, verdict: RubricValues, gold: RubricValues): boolean {
  return rubric
    .filter((f) => f.type !== "text" && gold[f.key] !== undefined)
    .every((f) => verdict[f.key] === gold[f.key]);
}
