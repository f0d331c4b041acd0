/** Rows per side above which drift is computed on a uniform random sample (configurable per request). */
export const DEFAULT_SAMPLE_CAP = 5000;

/** Small seeded PRNG (mulberry32): the same report for the same data, so reloading does not flicker. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Uniform sample of at most `cap` items without replacement (reservoir sampling, Algorithm R):
 * every item has the same chance cap/n. Returns the input itself when it already fits.
 */
export function sampleUniform<T>(items: readonly T[], cap: number, random: () => number): { items: readonly T[]; sampled: boolean } {
  if (items.length <= cap) return { items, sampled: false };
  const out = items.slice(0, cap);
  for (let i = cap; i < items.length; i++) {
    const j = Math.floor(random() * (i + 1));
    if (j < cap) out[j] = items[i];
  }
  return { items: out, sampled: true };
}
