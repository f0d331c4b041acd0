import { D, KNOWN_MODEL_NAMES, P } from "@/lib/pricing/default-prices";

/**
 * Known model names with an optional provider prefix ("openai/", "anthropic.", "bedrock:") and
 * date or revision suffixes ("-2024-08-06", "-20250514", "@001", "-v1:0"): the same shapes the
 * shipped price book accepts, so a response model that has a price also has a canonical name.
 */
const KNOWN = KNOWN_MODEL_NAMES.map((name) => new RegExp(`^${P}(${name})${D}$`, "i"));

/** For names the price book does not know: a path-like provider prefix and a trailing date. */
const GENERIC_PREFIX = /^(?:[\w.-]+\/)+/;
const GENERIC_DATE = /-(?:\d{4}-\d{2}-\d{2}|\d{8})$/;

/**
 * The name a model is grouped under: `gpt-4o-2024-08-06` and `openai/gpt-4o` are `gpt-4o`.
 * Known names match the longest (most specific) shipped name, so `gpt-4o-mini-2024-07-18` is
 * `gpt-4o-mini`, not `gpt-4o`. Unknown names lose only a path prefix and a trailing date;
 * everything else (fine-tune ids, internal names) is kept as sent.
 */
export function canonicalModelName(name: string): string {
  let hit = cache.get(name);
  if (hit === undefined) {
    // Ingest calls this once per LLM call; the distinct names of a fleet are few.
    if (cache.size > 10_000) cache.clear();
    cache.set(name, (hit = computeCanonical(name)));
  }
  return hit;
}

const cache = new Map<string, string>();

function computeCanonical(name: string): string {
  const trimmed = name.trim();
  let best: string | null = null;
  for (const re of KNOWN) {
    const m = re.exec(trimmed);
    if (m && (best === null || m[1].length > best.length)) best = m[1];
  }
  if (best !== null) return best.toLowerCase();
  const bare = trimmed.replace(GENERIC_PREFIX, "").replace(GENERIC_DATE, "");
  return bare.length > 0 ? bare : trimmed;
}
