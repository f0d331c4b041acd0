/**
 * The pair a comparison opens with: the two versions with the most traffic in the range, the
 * older one as baseline A. Null when fewer than two versions have any traffic — comparing a
 * version with no calls only shows "not enough data". `versions` is in chronological order.
 */
export function defaultComparison<V>(versions: { version: V; count: number }[]): { a: V; b: V } | null {
  const ranked = versions
    .map((v, i) => ({ ...v, i }))
    .filter((v) => v.count > 0)
    // Most traffic first; on a tie the newer version wins.
    .sort((x, y) => y.count - x.count || y.i - x.i);
  if (ranked.length < 2) return null;
  const [first, second] = ranked[0].i < ranked[1].i ? [ranked[0], ranked[1]] : [ranked[1], ranked[0]];
  return { a: first.version, b: second.version };
}
