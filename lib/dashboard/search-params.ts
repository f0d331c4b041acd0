import type { z } from "zod";

export type RawSearchParams = Record<string, string | string[] | undefined>;

/** First value of each key, so a zod object schema can parse Next's `searchParams`. */
export function flattenSearchParams(sp: RawSearchParams | URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  if (sp instanceof URLSearchParams) {
    sp.forEach((v, k) => {
      if (!(k in out)) out[k] = v;
    });
    return out;
  }
  for (const [k, v] of Object.entries(sp)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (first !== undefined) out[k] = first;
  }
  return out;
}

export function parseSearchParams<S extends z.ZodType>(schema: S, sp: RawSearchParams | URLSearchParams): z.infer<S> {
  return schema.parse(flattenSearchParams(sp));
}

/** Serialises URL state, dropping defaults and empty values so links stay short. */
export function toQueryString(state: Record<string, unknown>, defaults: Record<string, unknown> = {}): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(state)) {
    if (v === undefined || v === null || v === "" || v === defaults[k]) continue;
    sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : "";
}
