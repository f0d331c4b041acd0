/** Small deterministic PRNG (mulberry32) so seeded scenarios are reproducible. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
    /** Log-normal around `median` with shape `sigma`. */
    lognormal: (median: number, sigma: number) => {
      const u = Math.max(next(), 1e-12);
      const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
      return median * Math.exp(sigma * z);
    },
    normal: (mean: number, sd: number) => {
      const u = Math.max(next(), 1e-12);
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
  };
}

export type Rng = ReturnType<typeof rng>;

/** Relative traffic by hour of day (UTC): quiet nights, busy afternoons. */
export function diurnal(ts: number): number {
  const h = new Date(ts).getUTCHours() + new Date(ts).getUTCMinutes() / 60;
  return 0.35 + 0.65 * Math.max(0, Math.sin(((h - 6) / 24) * 2 * Math.PI)) ** 1.5 + 0.15;
}
