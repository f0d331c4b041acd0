import { COST_KINDS, type CostKind } from "@/lib/pricing/compute-cost";
import { reportedCostDiffers } from "@/lib/pricing/price-call";

/** The spend fields of a metrics group (GET /api/v1/metrics, LLM groups). */
export interface SpendFields {
  costUsd?: number | null;
  inputTokens?: number | null;
  cacheReadTokens?: number | null;
  costByKind?: Record<CostKind, number> | null;
}

export interface CostSegment {
  kind: CostKind;
  label: string;
  usd: number;
  /** Share of the price book's cost, 0–1. */
  share: number;
  color: string;
}

export interface CostSplit {
  segments: CostSegment[];
  /** The price book's cost (sum of the segments). */
  bookUsd: number;
  /** The cost billed (client-reported costs win). */
  billedUsd: number;
  /** Billed differs from the book by more than 1%: show both. */
  differs: boolean;
}

export const COST_KIND_LABELS: Record<CostKind, string> = {
  input: "Uncached input",
  cacheRead: "Cache read",
  cacheWrite: "Cache write",
  output: "Output",
  reasoning: "Reasoning",
};

const COLORS: Record<CostKind, string> = {
  input: "var(--chart-1)",
  cacheRead: "var(--chart-3)",
  cacheWrite: "var(--chart-2)",
  output: "var(--chart-5, #8b5cf6)",
  reasoning: "var(--chart-4)",
};

/** Sums groups' cost by kind of token into the segments of a split bar (kinds with no cost dropped). */
export function prepareCostSplit(groups: readonly SpendFields[]): CostSplit {
  const usd = Object.fromEntries(COST_KINDS.map((k) => [k, 0])) as Record<CostKind, number>;
  let billedUsd = 0;
  for (const g of groups) {
    billedUsd += g.costUsd ?? 0;
    for (const k of COST_KINDS) usd[k] += g.costByKind?.[k] ?? 0;
  }
  const bookUsd = COST_KINDS.reduce((a, k) => a + usd[k], 0);
  const segments = COST_KINDS.filter((k) => usd[k] > 0).map((kind) => ({
    kind, label: COST_KIND_LABELS[kind], usd: usd[kind], share: bookUsd > 0 ? usd[kind] / bookUsd : 0, color: COLORS[kind],
  }));
  return { segments, bookUsd, billedUsd, differs: bookUsd > 0 && reportedCostDiffers(billedUsd, bookUsd) };
}

/** Cache-read share of input tokens; null without input tokens. */
export function cacheHitRate(g: Pick<SpendFields, "inputTokens" | "cacheReadTokens">): number | null {
  const input = g.inputTokens ?? 0;
  return input > 0 ? (g.cacheReadTokens ?? 0) / input : null;
}
