import type { z } from "zod";
import { ValidationError, zodDetails } from "@/lib/api/errors";

/** Parses URL query parameters with a zod schema; a bad parameter → 400 naming it. */
export function parseQuery<S extends z.ZodType>(schema: S, url: URL | string): z.output<S> {
  const sp = typeof url === "string" ? new URL(url).searchParams : url.searchParams;
  const raw: Record<string, string> = {};
  sp.forEach((v, k) => {
    if (!(k in raw)) raw[k] = v;
  });
  const r = schema.safeParse(raw);
  if (!r.success) throw new ValidationError("Invalid query parameters", zodDetails(r.error.issues));
  return r.data;
}

/** Parses a JSON body with a zod schema; failures → 400 with per-field details. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const r = schema.safeParse(body);
  if (!r.success) throw new ValidationError("Invalid request body", zodDetails(r.error.issues));
  return r.data;
}
