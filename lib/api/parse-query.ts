import type { z } from "zod";
import { ValidationError, zodDetails } from "./errors";

/** URL query → typed object; a bad parameter is a 400 whose details name it. */
export function parseQuery<S extends z.ZodType>(schema: S, url: URL): z.output<S> {
  const raw: Record<string, string> = {};
  url.searchParams.forEach((v, k) => {
    if (!(k in raw)) raw[k] = v;
  });
  const r = schema.safeParse(raw);
  if (!r.success) throw new ValidationError("Invalid query parameters", zodDetails(r.error.issues));
  return r.data;
}

/** JSON body → typed object; failures are 400s with per-field details. */
export async function parseJsonBody<S extends z.ZodType>(schema: S, req: Request): Promise<z.output<S>> {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw new ValidationError("Body is not valid JSON", [{ path: "body", message: "invalid JSON" }]);
  }
  const r = schema.safeParse(body);
  if (!r.success) throw new ValidationError("Invalid request body", zodDetails(r.error.issues));
  return r.data;
}
