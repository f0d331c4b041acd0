import { modelTest, type PriceEntry } from "./price-entry";
import { providerFamily } from "./provider";

interface Candidate {
  entry: PriceEntry;
  rank: number;
}

const MATCH_RANK = { exact: 3, prefix: 2, regex: 1 } as const;

/**
 * Picks the price of a call. Among the entries whose model matches and whose `effectiveFrom`
 * is not after the call: a project's own price before a shipped default; a price for the
 * call's provider before one for any provider, before one for another provider; exact before
 * prefix before regex, longer before shorter; then the latest `effectiveFrom`.
 *
 * The candidates of a (project, provider, model) are found once by scanning the book and then
 * cached, so pricing an event is a map lookup and a walk over a few dated versions.
 */
export class PriceMatcher {
  private tests: { entry: PriceEntry; test: (name: string) => boolean }[];
  /** project → provider family ("" when unknown) → model → candidates: nested maps, so a lookup builds no key string. */
  private cache = new Map<number, Map<string, Map<string, Candidate[]>>>();
  private cached = 0;

  constructor(entries: readonly PriceEntry[]) {
    this.tests = entries.flatMap((entry) => {
      const test = modelTest(entry);
      return test ? [{ entry, test }] : []; // a regex that does not compile never matches; the API refuses it on save
    });
  }

  find(projectId: number, model: string, provider: string | null, ts: number): PriceEntry | null {
    const family = provider === null ? null : providerFamily(provider);
    let byProvider = this.cache.get(projectId);
    if (!byProvider) this.cache.set(projectId, (byProvider = new Map()));
    let byModel = byProvider.get(family ?? "");
    if (!byModel) byProvider.set(family ?? "", (byModel = new Map()));
    let candidates = byModel.get(model);
    if (!candidates) {
      candidates = this.candidates(projectId, model, family);
      // Model names are few in practice; bound the cache anyway.
      if (++this.cached > 50_000) {
        this.cache.clear();
        this.cached = 0;
      }
      byModel.set(model, candidates);
    }
    for (const c of candidates) if (c.entry.effectiveFrom <= ts) return c.entry;
    return null;
  }

  private candidates(projectId: number, model: string, family: string | null): Candidate[] {
    const out: Candidate[] = [];
    for (const { entry, test } of this.tests) {
      if (entry.projectId !== null && entry.projectId !== projectId) continue;
      if (!test(model)) continue;
      const own = providerFamily(entry.provider);
      const providerRank = own === null ? 1 : family === null || own === family ? 2 : 0;
      const rank = (entry.projectId !== null ? 1 : 0) * 1e7 + providerRank * 1e6 + MATCH_RANK[entry.match] * 1e4 + Math.min(entry.model.length, 9999);
      out.push({ entry, rank });
    }
    return out.sort((a, b) => b.rank - a.rank || b.entry.effectiveFrom - a.entry.effectiveFrom);
  }
}
