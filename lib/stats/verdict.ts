export const ALPHA = 0.05;

export type Direction = "higher" | "lower" | "none";

export interface Verdict {
  significant: boolean;
  direction: Direction;
  text: string;
}

export function formatP(p: number): string {
  if (p < 0.001) return "p < 0.001";
  return `p = ${p < 0.01 ? p.toFixed(3) : p.toFixed(2)}`;
}

/**
 * Sentence for one metric, comparing candidate B against baseline A, e.g.
 * "v3 is slower than v2 (p = 0.003)". `higher`/`lower` are the phrases for B > A and B < A.
 */
export function verdictText(opts: {
  a: string;
  b: string;
  pValue: number;
  bIsHigher: boolean;
  words: { higher: string; lower: string };
  alpha?: number;
}): Verdict {
  const significant = opts.pValue < (opts.alpha ?? ALPHA);
  if (!significant) return { significant, direction: "none", text: `No significant difference (${formatP(opts.pValue)})` };
  const direction: Direction = opts.bIsHigher ? "higher" : "lower";
  const word = opts.bIsHigher ? opts.words.higher : opts.words.lower;
  return { significant, direction, text: `${opts.b} ${word} ${opts.a} (${formatP(opts.pValue)})` };
}
