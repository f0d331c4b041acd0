import type { z } from "zod";
import { ValidationError, zodDetails } from "@/lib/api/errors";

/** Parses already-read input (a JSON body, route params) with a zod schema; failures → 400 with per-field details. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const r = schema.safeParse(body);
  if (!r.success) throw new ValidationError("Invalid request body", zodDetails(r.error.issues));
  return r.data;
}
