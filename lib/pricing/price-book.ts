import type { Db } from "@/db/client";
import { memo } from "@/db/client";
import { priceReads, readPriceTable, readPriceVersion, type PriceReadRow } from "@/db/statements/prices";
import { DEFAULT_PRICES } from "./default-prices";
import { PriceMatcher } from "./match-price";
import type { PriceEntry } from "./price-entry";
import type { PriceTier } from "./rates";

interface BookState {
  version: string;
  matcher: PriceMatcher;
  custom: PriceEntry[];
}

function state(db: Db): { current?: BookState } {
  return memo(db, "priceBook", () => ({}));
}

/**
 * The price book of this connection: the shipped defaults plus the stored custom prices,
 * reloaded whenever the `price` table changed (any connection, any process). Call once per
 * batch of work — an ingest transaction, a re-pricing batch — then price each event through
 * the returned matcher (a cached lookup, docs/benchmarks.md).
 */
export function priceBook(db: Db): PriceMatcher {
  const s = state(db);
  const v = priceReads(db).version.get()!;
  const version = `${v.n}:${v.max_id}:${v.updated_sum}`;
  if (!s.current || s.current.version !== version) {
    const custom = priceReads(db).all.all().map(toPriceEntry);
    s.current = { version, custom, matcher: new PriceMatcher([...DEFAULT_PRICES, ...custom]) };
  }
  return s.current.matcher;
}

/**
 * `priceBook` on either dialect, asynchronously: the PostgreSQL ingest path and re-pricing call
 * it before their transaction. Same fingerprint, same cache, so a price saved through any
 * instance applies from that instance's next batch.
 */
export async function loadPriceBook(db: Db): Promise<PriceMatcher> {
  if (db.dialect === "sqlite") return priceBook(db);
  const s = state(db);
  const v = await readPriceVersion(db);
  const version = `${v.n}:${v.max_id}:${v.updated_sum}`;
  if (!s.current || s.current.version !== version) {
    const custom = (await readPriceTable(db)).map(toPriceEntry);
    s.current = { version, custom, matcher: new PriceMatcher([...DEFAULT_PRICES, ...custom]) };
  }
  return s.current.matcher;
}

export function toPriceEntry(r: PriceReadRow): PriceEntry {
  return {
    id: r.id,
    projectId: r.project_id,
    model: r.model,
    match: r.match,
    provider: r.provider,
    rates: {
      inputPerMTok: r.input_per_mtok,
      outputPerMTok: r.output_per_mtok,
      cacheReadPerMTok: r.cache_read_per_mtok,
      cacheWritePerMTok: r.cache_write_per_mtok,
      cacheWrite1hPerMTok: r.cache_write_1h_per_mtok,
      reasoningPerMTok: r.reasoning_per_mtok,
      audioInputPerMTok: r.audio_input_per_mtok,
      audioOutputPerMTok: r.audio_output_per_mtok,
      imageInputPerMTok: r.image_input_per_mtok,
      imageOutputPerMTok: r.image_output_per_mtok,
    },
    tiers: parseTiers(r.tiers),
    effectiveFrom: r.effective_from,
  };
}

function parseTiers(json: string): PriceTier[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? (v as PriceTier[]) : [];
  } catch {
    return [];
  }
}
