export type TaskKind = "classification" | "regression";

/** More distinct integer outcomes than this and a numeric model is read as regression. */
const MAX_INTEGER_CLASSES = 20;

/**
 * Whether a model classifies or regresses, from its labelled outcomes: any text → classification;
 * all integers with few distinct values (0/1, class ids) → classification; otherwise regression.
 * The API lets a caller say which when this guess is wrong.
 */
export function inferTaskKind(values: readonly (string | number)[]): TaskKind {
  const distinct = new Set<string | number>();
  let allIntegers = true;
  for (const v of values) {
    if (typeof v === "string") return "classification";
    if (!Number.isInteger(v)) allIntegers = false;
    distinct.add(v);
  }
  return allIntegers && distinct.size <= MAX_INTEGER_CLASSES ? "classification" : "regression";
}
