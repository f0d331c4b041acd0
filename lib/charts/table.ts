export type SortDir = "asc" | "desc";

/** Stable sort by a numeric or string key; nulls always last. Returns a new array. */
export function sortRows<T>(rows: T[], get: (r: T) => number | string | null | undefined, dir: SortDir): T[] {
  const sign = dir === "asc" ? 1 : -1;
  return rows
    .map((r, i) => ({ r, i, v: get(r) }))
    .sort((x, y) => {
      const xn = x.v === null || x.v === undefined;
      const yn = y.v === null || y.v === undefined;
      if (xn || yn) return xn === yn ? x.i - y.i : xn ? 1 : -1;
      const c = typeof x.v === "string" ? x.v.localeCompare(String(y.v)) : (x.v as number) - (y.v as number);
      return c !== 0 ? c * sign : x.i - y.i;
    })
    .map((x) => x.r);
}

/** Case-insensitive match of every whitespace-separated term against any of the given fields. */
export function matchesSearch(fields: (string | null | undefined)[], query: string): boolean {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const hay = fields.filter(Boolean).join(" ").toLowerCase();
  return terms.every((t) => hay.includes(t));
}
