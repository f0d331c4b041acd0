/** One labelled prediction of a classifier: what it said, what was true, and its score if any. */
export interface LabelledClass {
  predicted: string;
  actual: string;
  /** Probability of the positive class (binary models), when the client sent one. */
  score?: number | null;
}

export interface ClassMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** How many times this class was the true label. */
  support: number;
}

export interface ClassificationMetrics {
  count: number;
  accuracy: number;
  precisionMacro: number;
  recallMacro: number;
  f1Macro: number;
  perClass: ClassMetrics[];
  /** Classes in one sorted order; matrix[i][j] = predictions of classes[j] whose truth is classes[i]. */
  confusion: { classes: string[]; matrix: number[][] };
  /** Null unless the task is binary and every labelled prediction carries a score. */
  rocAuc: number | null;
}

/**
 * sklearn's `classification_report` conventions: classes are the union of predicted and true
 * labels; a class never predicted has precision 0 (sklearn's zero_division=0), never true recall 0;
 * macro = unweighted mean over those classes.
 */
export function classificationMetrics(rows: readonly LabelledClass[]): ClassificationMetrics | null {
  if (rows.length === 0) return null;
  const classes = [...new Set(rows.flatMap((r) => [r.actual, r.predicted]))].sort();
  const index = new Map(classes.map((c, i) => [c, i]));
  const matrix = classes.map(() => new Array<number>(classes.length).fill(0));
  let correct = 0;
  for (const r of rows) {
    matrix[index.get(r.actual)!][index.get(r.predicted)!]++;
    if (r.actual === r.predicted) correct++;
  }
  const perClass = classes.map((label, i): ClassMetrics => {
    const tp = matrix[i][i];
    const predicted = matrix.reduce((s, row) => s + row[i], 0);
    const support = matrix[i].reduce((s, v) => s + v, 0);
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support };
  });
  const mean = (k: "precision" | "recall" | "f1") => perClass.reduce((s, c) => s + c[k], 0) / perClass.length;
  return {
    count: rows.length,
    accuracy: correct / rows.length,
    precisionMacro: mean("precision"),
    recallMacro: mean("recall"),
    f1Macro: mean("f1"),
    perClass,
    confusion: { classes, matrix },
    rocAuc: binaryRocAuc(rows, classes),
  };
}

/** Labels read as the positive class of a binary model, in this order of preference. */
const POSITIVE_NAMES = ["1", "true", "yes", "positive"];

/**
 * The positive class of a two-class problem: "1"/"true"/"yes"/"positive" when present, else the
 * later of the two in sorted order (so 0/1 and false/true behave as expected).
 */
export function positiveClass(classes: readonly string[]): string | null {
  if (classes.length !== 2) return null;
  return classes.find((c) => POSITIVE_NAMES.includes(c.toLowerCase())) ?? [...classes].sort()[1];
}

/**
 * ROC AUC as the Mann–Whitney probability that a positive outranks a negative (ties count ½),
 * identical to sklearn's `roc_auc_score` for binary labels.
 */
export function binaryRocAuc(rows: readonly LabelledClass[], classes: readonly string[]): number | null {
  const positive = positiveClass(classes);
  if (positive === null || rows.some((r) => r.score === undefined || r.score === null)) return null;
  const scored = rows.map((r) => ({ s: r.score as number, pos: r.actual === positive })).sort((a, b) => a.s - b.s);
  const nPos = scored.filter((r) => r.pos).length;
  const nNeg = scored.length - nPos;
  if (nPos === 0 || nNeg === 0) return null;
  let rankSum = 0;
  for (let i = 0; i < scored.length; ) {
    let j = i;
    while (j < scored.length && scored[j].s === scored[i].s) j++;
    const avgRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (scored[k].pos) rankSum += avgRank;
    i = j;
  }
  return (rankSum - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}
