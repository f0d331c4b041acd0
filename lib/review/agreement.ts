/**
 * Inter-rater agreement for review queues: Cohen's κ for pairs of ratings and Krippendorff's α
 * (nominal and interval) for any number of reviewers per item with missing ratings.
 *
 * Both return null when the statistic is undefined (no pairable ratings, or every rating has the
 * same value so that chance agreement is perfect): "the data cannot say" is not "perfect agreement".
 */
export type Rating = string | number | boolean;
export type AlphaLevel = "nominal" | "interval";

/**
 * Cohen's κ = (p_o − p_e) / (1 − p_e) over pairs (rating of the first reviewer, rating of the second).
 * p_e comes from each position's own marginal distribution, as in Cohen (1960).
 */
export function cohenKappa(pairs: readonly (readonly [Rating, Rating])[]): number | null {
  const n = pairs.length;
  if (n === 0) return null;
  const first = new Map<string, number>();
  const second = new Map<string, number>();
  let agree = 0;
  for (const [a, b] of pairs) {
    const ka = keyOf(a);
    const kb = keyOf(b);
    if (ka === kb) agree++;
    first.set(ka, (first.get(ka) ?? 0) + 1);
    second.set(kb, (second.get(kb) ?? 0) + 1);
  }
  let pe = 0;
  for (const [k, c] of first) pe += (c / n) * ((second.get(k) ?? 0) / n);
  const po = agree / n;
  if (pe >= 1) return null;
  return (po - pe) / (1 - pe);
}

/**
 * Krippendorff's α = 1 − D_o / D_e from the coincidence matrix (Krippendorff 2011, "Computing
 * Krippendorff's Alpha-Reliability"). `units` holds, per unit (review item), the ratings it received;
 * `null`/`undefined` mark a missing rating and are skipped. Units with fewer than two ratings are not
 * pairable and contribute nothing.
 */
export function krippendorffAlpha(
  units: readonly (readonly (Rating | null | undefined)[])[],
  level: AlphaLevel,
): number | null {
  // o[c][k]: coincidences of values c and k; each unit with m values adds 1/(m−1) per ordered pair.
  const values = new Map<string, Rating>();
  const o = new Map<string, Map<string, number>>();
  let n = 0;
  for (const unit of units) {
    const present = unit.filter((r): r is Rating => r !== null && r !== undefined);
    const m = present.length;
    if (m < 2) continue;
    n += m;
    const keys = present.map(keyOf);
    present.forEach((r, i) => values.set(keys[i], r));
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        if (i === j) continue;
        const row = o.get(keys[i]) ?? new Map<string, number>();
        row.set(keys[j], (row.get(keys[j]) ?? 0) + 1 / (m - 1));
        o.set(keys[i], row);
      }
    }
  }
  if (n < 2) return null;
  const delta = distance(level, values);
  const marginals = new Map<string, number>();
  let observed = 0;
  for (const [c, row] of o) {
    for (const [k, count] of row) {
      marginals.set(c, (marginals.get(c) ?? 0) + count);
      observed += count * delta(c, k);
    }
  }
  let expected = 0;
  for (const [c, nc] of marginals) for (const [k, nk] of marginals) expected += nc * nk * delta(c, k);
  if (expected === 0) return null;
  // D_o = observed / n, D_e = expected / (n (n − 1)).
  return 1 - ((n - 1) * observed) / expected;
}

function distance(level: AlphaLevel, values: Map<string, Rating>): (c: string, k: string) => number {
  if (level === "nominal") return (c, k) => (c === k ? 0 : 1);
  return (c, k) => {
    const d = Number(values.get(c)) - Number(values.get(k));
    return d * d;
  };
}

/** Values compare by type and content: `true` and `"true"` are different ratings. */
function keyOf(r: Rating): string {
  return `${typeof r}:${String(r)}`;
}
