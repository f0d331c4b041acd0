/** Phrases for verdicts: "<B> <phrase> <A>". */
export const VERDICT_PHRASES = {
  latency: { higher: "is slower than", lower: "is faster than" },
  errorRate: { higher: "has a higher error rate than", lower: "has a lower error rate than" },
  hallucinationRate: { higher: "has a higher hallucination rate than", lower: "has a lower hallucination rate than" },
} as const;
