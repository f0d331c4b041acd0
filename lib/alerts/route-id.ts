import { z } from "zod";
import { parseBody } from "@/lib/api/parse-query";

const idParams = z.object({ id: z.coerce.number().int().positive() });

/** The numeric `{id}` path parameter of alert routes (400 naming `id` when it is not one). */
export function routeId(params: Record<string, string>): { id: number } {
  return parseBody(idParams, params);
}
