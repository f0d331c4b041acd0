import type { z } from "zod";
import { ValidationError } from "@/lib/api/errors";
import { readBody } from "@/lib/api/read-body";
import { parseBody } from "@/lib/api/parse-query";

/** JSON body (≤ 1 MiB, application/json) parsed with a zod schema. */
export async function readJson<S extends z.ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  const { bytes } = await readBody(req, { accept: ["application/json"], maxBytes: 1024 * 1024 });
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new ValidationError("Body is not valid JSON");
  }
  return parseBody(schema, data);
}
