import type { PriceRates, PriceTier } from "./rates";

export const MATCH_KINDS = ["exact", "prefix", "regex"] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

/**
 * One price of the book: a shipped default (code, lib/pricing/default-prices.ts) or a custom
 * price stored for a project (db/schema/price.ts). A price change is a new entry with the
 * same model and a later `effectiveFrom`: the old one keeps pricing the calls before it.
 */
export interface PriceEntry {
  /** Stored id of a custom price; null for a shipped default. */
  id: number | null;
  /** Null: a shipped default, valid in every project. */
  projectId: number | null;
  model: string;
  match: MatchKind;
  provider: string | null;
  rates: PriceRates;
  tiers: PriceTier[];
  /** Epoch ms from which the price applies (0: always). */
  effectiveFrom: number;
}

/** `model` as a test on a model name, or null when a regex does not compile. */
export function modelTest(e: Pick<PriceEntry, "model" | "match">): ((name: string) => boolean) | null {
  if (e.match === "exact") {
    const m = e.model.toLowerCase();
    return (name) => name.toLowerCase() === m;
  }
  if (e.match === "prefix") {
    const m = e.model.toLowerCase();
    return (name) => name.toLowerCase().startsWith(m);
  }
  try {
    const re = new RegExp(`^(?:${e.model})$`, "i");
    return (name) => re.test(name);
  } catch {
    return null;
  }
}
