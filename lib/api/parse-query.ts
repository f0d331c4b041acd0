import type { z } from "zod";
import { ValidationError, zodDetails } from "./errors";

function parseWith<S extends z.ZodType>(schema: S, input: unknown, message: string): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw new ValidationError(message, zodDetails(r.error.issues));
  return r.data;
}

/** URL query → typed object; a bad parameter is a 400 whose details name it. */
export function parseQuery<S extends z.ZodType>(schema: S, url: URL): z.output<S> {
  const raw: Record<string, string> = {};
  url.searchParams.forEach((v, k) => {
    if (!(k in raw)) raw[k] = v;
  });
  return parseWith(schema, raw, "Invalid query parameters");
}

/** Already-read input (a JSON body, route params) → typed object; failures are 400s with per-field details. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  return parseWith(schema, body, "Invalid request body");
}
