import { computeCost, type CostBreakdown } from "./compute-cost";
import type { PriceMatcher } from "./match-price";
import { hasUsage, toTokenUsage, type UsageFields } from "./usage";

export interface CallToPrice {
  projectId: number;
  model: string;
  provider: string | null;
  ts: number;
  usage: UsageFields;
  /** The client-reported cost, when the event carried one. */
  reportedUsd?: number | null;
}

export interface PricedCall {
  /** The cost billed: the client's when reported (it knows discounts we don't), else the book's; null when neither. */
  costUsd: number | null;
  costReported: boolean;
  /** The price book's cost by kind of token; null when no price matched. */
  breakdown: CostBreakdown | null;
  /** Had tokens, but neither a reported cost nor a price. */
  unpriced: boolean;
  priceId: number | null;
}

/** Prices one LLM call: the funnel shared by ingest (lib/ingest/to-row.ts) and re-pricing. */
export function priceCall(book: PriceMatcher, c: CallToPrice): PricedCall {
  const reported = c.reportedUsd ?? null;
  const used = hasUsage(c.usage);
  const price = used ? book.find(c.projectId, c.model, c.provider, c.ts) : null;
  const breakdown = price ? computeCost(price, toTokenUsage(c.usage)) : null;
  return {
    costUsd: reported ?? breakdown?.total ?? null,
    costReported: reported !== null,
    breakdown,
    unpriced: used && reported === null && breakdown === null,
    priceId: price?.id ?? null,
  };
}

/** Relative difference above which a reported cost is shown next to the book's (issue #16: 1%). */
export const REPORTED_COST_TOLERANCE = 0.01;

export function reportedCostDiffers(reported: number, computed: number): boolean {
  const scale = Math.max(Math.abs(reported), Math.abs(computed));
  return scale > 0 && Math.abs(reported - computed) / scale > REPORTED_COST_TOLERANCE;
}
